import { Text, View } from '@tarojs/components';
import { cartNudge } from '~/core/orders/cart-nudge';
import { formatYuan } from '~/core/money/format';
import { ROUTES } from '~/src/routes';
import { useCartStore } from '~/src/stores/cart';
import { openPage } from '~/src/utils/navigate';

/**
 * Above the cart's total: the shipping fee for the chosen goods, and what a little more would
 * unlock — free shipping, or the nearest coupon threshold — with a way to add more (凑单).
 */
export function CartNudgeBar({ chosenFen }: { chosenFen: number }) {
  const terms = useCartStore((s) => s.terms);
  if (!terms || chosenFen <= 0) return null;
  const nudge = cartNudge(terms, chosenFen);
  const offers = [
    nudge.freeShippingGapFen !== null ? `再买${formatYuan(nudge.freeShippingGapFen)}免运费` : null,
    nudge.coupon ? `再买${formatYuan(nudge.coupon.gapFen)}可用「${nudge.coupon.title}」` : null,
  ].filter((text): text is string => text !== null);
  return (
    <View className="cart-nudge">
      <Text className="cart-nudge__fee cart-shipping">
        {nudge.shippingFeeFen > 0 ? `运费${formatYuan(nudge.shippingFeeFen)}` : '免运费'}
      </Text>
      {offers.length > 0 ? (
        <>
          <Text className="cart-nudge__offer cart-nudge-offer">{offers.join('，')}</Text>
          <Text className="cart-nudge__go add-more" onClick={() => openPage(ROUTES.category)}>
            去凑单 ›
          </Text>
        </>
      ) : null}
    </View>
  );
}
