import { Text, View } from '@tarojs/components';
import type { PagedList } from '~/src/stores/paged-list';
import './index.scss';

interface ListFooterProps {
  list: PagedList<unknown>;
  onMore: () => void;
}

/** The end of a paged list: loading the next page, a retry after a failure, or the end. */
export function ListFooter({ list, onMore }: ListFooterProps) {
  if (list.loadingMore) return <Text className="list-footer list-footer--loading">正在加载…</Text>;
  if (list.error) {
    return (
      <View className="list-footer list-footer--error" onClick={onMore}>
        <Text>加载失败，点击重试</Text>
      </View>
    );
  }
  if (list.nextCursor !== null) {
    return (
      <View className="list-footer list-footer--more load-more" onClick={onMore}>
        <Text>上拉或点击加载更多</Text>
      </View>
    );
  }
  return <Text className="list-footer list-footer--end">没有更多了</Text>;
}
