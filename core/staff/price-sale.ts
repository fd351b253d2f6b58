import type { CouponTerms } from '~/types/coupons';
import type { SaleQuote } from '~/types/functions/staff';
import type { ProgrammeSettings } from '~/types/programme';
import type { Fen, Points } from '~/types/units';
import { quoteCoupon } from '../coupons/discount';
import { purchasePoints } from '../points/earning';
import { redeemablePoints } from '../pricing/price-order';

export interface SaleInput {
  /** The receipt's total before the coupon and points. */
  amountFen: Fen;
  /** The coupon chosen at the till, with its terms. */
  coupon: { terms: CouponTerms } | null;
  /** Points the member asked to pay with. */
  pointsRequested: Points;
  /** The member's spendable points now. */
  pointsAvailable: Points;
  /** Whether this till session may pay with points (a fresh scan, not used yet). */
  pointsAllowed: boolean;
  rules: ProgrammeSettings['points'];
  /** The member's tier multiplier, in percent. */
  multiplierPercent: number;
}

/**
 * Prices an in-store purchase by the online rules: the coupon on the receipt's total (its
 * threshold met at exactly the threshold; a shipping coupon has nothing to take off at the
 * till), then points up to the checkout's share of what is left, at the checkout's rate; what is
 * left is paid at the till and earns points by the tier multiplier.
 */
export function priceSale(input: SaleInput): SaleQuote {
  const { amountFen, rules } = input;
  let couponDiscountFen = 0;
  let couponProblem: string | null = null;
  if (input.coupon) {
    if (input.coupon.terms.kind === 'shipping') couponProblem = '运费券不能在门店使用';
    else {
      const quote = quoteCoupon(input.coupon.terms, { goodsSubtotalFen: amountFen, shippingFeeFen: 0 });
      if (quote.applicable) couponDiscountFen = quote.goodsDiscountFen;
      else couponProblem = quote.reason;
    }
  }
  const afterCoupon = amountFen - couponDiscountFen;
  const available = input.pointsAllowed ? input.pointsAvailable : 0;
  const max = redeemablePoints(afterCoupon, Number.MAX_SAFE_INTEGER, available, rules);
  const used = redeemablePoints(afterCoupon, input.pointsRequested, available, rules);
  const paidFen = afterCoupon - used.fen;
  return {
    amountFen,
    couponDiscountFen,
    couponProblem,
    pointsUsed: used.points,
    pointsFen: used.fen,
    maxPoints: max.points,
    paidFen,
    pointsToEarn: purchasePoints(paidFen, rules.earnPerYuan, input.multiplierPercent),
  };
}
