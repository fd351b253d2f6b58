import { applyCoupons } from '~/core/coupons/apply-coupons';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { OrderDoc } from '~/types/orders';
import type { Fen } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/**
 * What each of an order's coupons took off it (goods and shipping), by the same rule that priced
 * the order, applied again to the amounts the order stored: the order keeps only the totals.
 */
export async function couponShares(ctx: RequestContext, order: OrderDoc): Promise<Map<string, Fen>> {
  if (order.couponIds.length === 0) return new Map();
  const { instances } = couponCollections(ctx);
  const coupons = (await Promise.all(order.couponIds.map((id) => instances.get(id)))).filter(
    (coupon): coupon is CouponInstanceDoc => coupon !== null,
  );
  const applied = applyCoupons(
    coupons.map((coupon) => ({ id: coupon._id, terms: coupon.terms, stackingGroup: coupon.stackingGroup })),
    { goodsSubtotalFen: order.goodsSubtotalFen, shippingFeeFen: order.shippingFeeFen },
  );
  if (!applied.ok) return new Map();
  return new Map(applied.lines.map((line) => [line.id, line.goodsDiscountFen + line.shippingDiscountFen]));
}
