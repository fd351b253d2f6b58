import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROUTES } from '~/src/routes';
import './index.scss';

interface SearchLinkProps {
  /** `light` on the dark home hero, `plain` on paper. */
  tone?: 'light' | 'plain';
}

/** A search field look-alike that opens the search page. */
export function SearchLink({ tone = 'plain' }: SearchLinkProps) {
  return (
    <View className={`search-link search-link--${tone} search-entry`} onClick={() => void Taro.navigateTo({ url: ROUTES.search })}>
      <View className="search-link__glass" />
      <Text className="search-link__placeholder">搜索咖啡、零食、好物</Text>
    </View>
  );
}
