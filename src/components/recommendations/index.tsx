import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { recommendationKey, useRecommendationsStore } from '~/src/stores/recommendations';
import { ProductGrid } from '../product-card';
import './index.scss';

interface RecommendationsProps {
  /** The products the suggestions follow (bought together with them); none: the best sellers. */
  productIds?: readonly string[];
  /** Products not to suggest, e.g. what is in the cart already. */
  exclude?: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * 猜你喜欢: what others bought together with the given products, then the best sellers, two to a
 * row. A bonus section: it shows nothing until it has products, and nothing when it cannot load.
 */
export function Recommendations({ productIds = NONE, exclude = NONE }: RecommendationsProps) {
  const key = recommendationKey(productIds, exclude);
  const section = useRecommendationsStore((s) => s.sections[key]);
  const load = useRecommendationsStore((s) => s.load);

  // Loads once per set of products, however often the parent passes new arrays with the same ids.
  useEffect(() => {
    const [ids, left] = JSON.parse(key) as [string[], string[]];
    void load(ids, left);
  }, [key, load]);

  const items = section?.data ?? [];
  if (items.length === 0) return null;
  return (
    <View className="recommendations">
      <View className="recommendations__head">
        <View className="recommendations__rule" />
        <Text className="recommendations__title">猜你喜欢</Text>
        <View className="recommendations__rule" />
      </View>
      <ProductGrid products={items} />
    </View>
  );
}
