import type { CouponInstanceDoc } from '~/types/coupons';
import type { CheckoutCoupon } from '~/types/functions/orders';
import type { EpochMs, Fen } from '~/types/units';
import { couponFace } from '../coupons/coupon-text';
import type { OrderAmounts } from '../coupons/discount';
import { quoteCoupon } from '../coupons/discount';
import { canStack } from '../coupons/stacking';

const toStackable = (coupon: CouponInstanceDoc) => ({ id: coupon._id, terms: coupon.terms, stackingGroup: coupon.stackingGroup });

/**
 * The member's coupons as the checkout's coupon picker shows them: what each takes off this
 * order on its own, and why one cannot be used (not yet valid, threshold not met, nothing to
 * take off, or it does not combine with a selected coupon). Usable ones first, biggest discount first.
 */
export function checkoutCoupons(
  coupons: readonly CouponInstanceDoc[],
  selectedIds: readonly string[],
  amounts: OrderAmounts,
  now: EpochMs,
): CheckoutCoupon[] {
  const selected = coupons.filter((coupon) => selectedIds.includes(coupon._id));
  const views = coupons.map((coupon): CheckoutCoupon => {
    const face = couponFace(coupon.terms);
    const base = {
      id: coupon._id,
      title: coupon.title,
      faceText: face.headline,
      conditionText: face.condition,
      validTo: coupon.validTo,
      selected: selectedIds.includes(coupon._id),
    };
    if (coupon.validFrom > now) return { ...base, discountFen: 0, unusableReason: '未到使用时间' };
    if (coupon.validTo < now) return { ...base, discountFen: 0, unusableReason: '已过期' };
    const quote = quoteCoupon(coupon.terms, amounts);
    if (!quote.applicable) return { ...base, discountFen: 0, unusableReason: quote.reason };
    const discountFen: Fen = quote.goodsDiscountFen + quote.shippingDiscountFen;
    const clash = selected.find((other) => other._id !== coupon._id && !canStack(toStackable(other), toStackable(coupon)));
    return { ...base, discountFen, unusableReason: clash && !base.selected ? `不可与「${clash.title}」同时使用` : null };
  });
  return views.sort((a, b) => Number(a.unusableReason !== null) - Number(b.unusableReason !== null) || b.discountFen - a.discountFen);
}
