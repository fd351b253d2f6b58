import type { CouponTerms } from '~/types/coupons';
import type { Fen } from '~/types/units';
import { yuanText } from '../money/format';

/** The amounts of one order a coupon is weighed against, in fen. */
export interface OrderAmounts {
  /** Goods at the member's price, before any coupon. */
  goodsSubtotalFen: Fen;
  shippingFeeFen: Fen;
}

/** The discount one coupon gives on one order, or why it cannot be used on it. */
export type CouponQuote =
  { applicable: true; goodsDiscountFen: Fen; shippingDiscountFen: Fen } | { applicable: false; reason: string; shortfallFen: Fen };

function checkFen(name: string, value: Fen): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole, non-negative number of fen, got ${value}`);
}

const notApplicable = (reason: string, shortfallFen = 0): CouponQuote => ({ applicable: false, reason, shortfallFen });

/**
 * What one coupon takes off an order. The threshold is met at exactly the threshold. A cash
 * coupon never takes off more than the goods; a percent coupon rounds DOWN to whole fen (the
 * brand never gives away a fraction of a fen) and never exceeds its cap or the goods; a
 * shipping coupon takes off the whole fee. A coupon that would take off nothing is not
 * applicable, so checkout never spends one for nothing.
 */
export function quoteCoupon(terms: CouponTerms, amounts: OrderAmounts): CouponQuote {
  const { goodsSubtotalFen, shippingFeeFen } = amounts;
  checkFen('goodsSubtotalFen', goodsSubtotalFen);
  checkFen('shippingFeeFen', shippingFeeFen);
  if (goodsSubtotalFen < terms.thresholdFen) {
    const shortfall = terms.thresholdFen - goodsSubtotalFen;
    return notApplicable(`还差¥${yuanText(shortfall)}可用`, shortfall);
  }
  switch (terms.kind) {
    case 'cash': {
      const discount = Math.min(terms.amountFen, goodsSubtotalFen);
      return discount > 0
        ? { applicable: true, goodsDiscountFen: discount, shippingDiscountFen: 0 }
        : notApplicable('暂无可优惠的商品金额');
    }
    case 'percent': {
      // Integer maths: subtotal × percent stays far below 2^53 for any subtotal the schemas accept.
      const raw = Math.floor((goodsSubtotalFen * terms.percentOff) / 100);
      const discount = Math.min(raw, terms.capFen ?? raw, goodsSubtotalFen);
      return discount > 0
        ? { applicable: true, goodsDiscountFen: discount, shippingDiscountFen: 0 }
        : notApplicable('订单金额过低，暂无折扣');
    }
    case 'shipping':
      return shippingFeeFen > 0
        ? { applicable: true, goodsDiscountFen: 0, shippingDiscountFen: shippingFeeFen }
        : notApplicable('本单已免运费');
  }
}
