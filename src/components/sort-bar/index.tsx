import { Text, View } from '@tarojs/components';
import type { ProductSort } from '~/src/services/catalog';
import './index.scss';

interface SortBarProps {
  sort: ProductSort;
  onChange: (sort: ProductSort) => void;
}

/** 综合 · 销量 · 价格 (tap price again to flip its direction). */
export function SortBar({ sort, onChange }: SortBarProps) {
  const priceActive = sort === 'priceAsc' || sort === 'priceDesc';
  const item = (key: string, label: string, active: boolean, next: ProductSort, extra?: string) => (
    <View className={`sort-bar__item sort-${key}${active ? ' sort-bar__item--active' : ''}`} onClick={() => onChange(next)}>
      <Text>{label}</Text>
      {extra ? <Text className="sort-bar__arrow">{extra}</Text> : null}
    </View>
  );
  return (
    <View className="sort-bar">
      {item('default', '综合', sort === 'default', 'default')}
      {item('sales', '销量', sort === 'sales', 'sales')}
      {item(
        'price',
        '价格',
        priceActive,
        sort === 'priceAsc' ? 'priceDesc' : 'priceAsc',
        sort === 'priceAsc' ? '↑' : sort === 'priceDesc' ? '↓' : '↕',
      )}
    </View>
  );
}
