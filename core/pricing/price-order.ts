import type { OrderBreakdown } from '~/types/orders';
import type { Fen, Points } from '~/types/units';
import type { AppliedCoupon } from '../coupons/apply-coupons';
import { applyCoupons } from '../coupons/apply-coupons';
import type { Stackable } from '../coupons/stacking';
import { allocate } from '../money/allocate';
import { purchasePoints } from '../points/earning';
import { CodedError } from '~/core/coded-error';

export interface PricingLineInput {
  lineId: string;
  unitPriceFen: Fen;
  quantity: number;
  /** Products may opt out of member prices. */
  memberPrice: boolean;
}

export interface PricingInput {
  lines: PricingLineInput[];
  tier: { memberPricePercent: number; pointsMultiplierPercent: number; freeShippingThresholdFen: Fen | null };
  coupons: readonly Stackable[];
  /** Points the member asks to use; fewer are used when the cap or the balance is lower. */
  pointsRequested: Points;
  pointsAvailable: Points;
  points: { pointsPerYuan: number; maxRedeemPercent: number; earnPerYuan: number };
  shipping: { mode: 'delivery' | 'pickup'; feeFen: Fen; freeThresholdFen: Fen | null };
}

export interface PricedLine {
  lineId: string;
  quantity: number;
  listFen: Fen;
  /** At the member's price. */
  memberFen: Fen;
  couponFen: Fen;
  pointsFen: Fen;
  /** What the member pays for this line: member price less its share of coupons and points. */
  paidFen: Fen;
}

/** The priced order: its totals, each line's share of them, and each coupon's part. */
export interface PricedOrder extends OrderBreakdown {
  lines: PricedLine[];
  coupons: AppliedCoupon[];
}

const whole = (name: string, value: number, min = 0) => {
  if (!Number.isSafeInteger(value) || value < min) throw new CodedError('VALIDATION_FAILED', `${name} must be a whole number ≥ ${min}`);
};

/** Unit price at the member's price, rounded half up to whole fen. */
export function memberUnitPrice(unitPriceFen: Fen, percent: number): Fen {
  return Math.floor((unitPriceFen * percent + 50) / 100);
}

/**
 * The points a checkout spends and what they take off: at most `maxRedeemPercent` of the goods
 * after coupons, at most the balance and what was asked for, and only the points the discount
 * needs (never a fraction of a fen's worth more).
 */
export function redeemablePoints(
  goodsAfterCouponsFen: Fen,
  requested: Points,
  available: Points,
  rules: { pointsPerYuan: number; maxRedeemPercent: number },
): { points: Points; fen: Fen } {
  const capFen = Math.floor((goodsAfterCouponsFen * rules.maxRedeemPercent) / 100);
  const affordable = Math.min(requested, Math.max(0, available));
  const fen = Math.min(capFen, Math.floor((affordable * 100) / rules.pointsPerYuan));
  return { points: Math.ceil((fen * rules.pointsPerYuan) / 100), fen };
}

/**
 * Prices an order — the one function behind the checkout preview and the order itself, so
 * the two always agree. Member price per unit, then coupons on the goods subtotal, then points
 * (up to `maxRedeemPercent` of what is left, `pointsPerYuan` points per ¥1), then shipping.
 * Every order-level discount is split over the lines by largest remainder, so each line knows
 * exactly what it paid and a partial refund is exact.
 */
export function priceOrder(input: PricingInput): PricedOrder {
  if (input.lines.length === 0) throw new CodedError('VALIDATION_FAILED', 'an order needs at least one line');
  input.lines.forEach((line) => {
    whole('unitPriceFen', line.unitPriceFen);
    whole('quantity', line.quantity, 1);
  });
  whole('pointsRequested', input.pointsRequested);

  const priced = input.lines.map((line) => {
    const unit = line.memberPrice ? memberUnitPrice(line.unitPriceFen, input.tier.memberPricePercent) : line.unitPriceFen;
    return { line, listFen: line.unitPriceFen * line.quantity, memberFen: unit * line.quantity };
  });
  const listFen = priced.reduce((sum, p) => sum + p.listFen, 0);
  const goodsSubtotalFen = priced.reduce((sum, p) => sum + p.memberFen, 0);

  const freeByThreshold = (threshold: Fen | null) => threshold !== null && goodsSubtotalFen >= threshold;
  const shippingFeeFen =
    input.shipping.mode === 'pickup' ||
    freeByThreshold(input.shipping.freeThresholdFen) ||
    freeByThreshold(input.tier.freeShippingThresholdFen)
      ? 0
      : input.shipping.feeFen;

  const applied = input.coupons.length ? applyCoupons(input.coupons, { goodsSubtotalFen, shippingFeeFen }) : null;
  if (applied && !applied.ok) throw new CodedError('NOT_ELIGIBLE', applied.reason, { couponId: applied.id });
  const couponDiscountFen = applied?.ok ? applied.goodsDiscountFen : 0;
  const shippingDiscountFen = applied?.ok ? applied.shippingDiscountFen : 0;
  const couponShares = allocate(
    couponDiscountFen,
    priced.map((p) => p.memberFen),
  );

  const afterCoupons = priced.map((p, i) => p.memberFen - (couponShares[i] as number));
  const goodsAfterCoupons = afterCoupons.reduce((a, b) => a + b, 0);
  const { points: pointsUsed, fen: pointsDiscountFen } = redeemablePoints(
    goodsAfterCoupons,
    input.pointsRequested,
    input.pointsAvailable,
    input.points,
  );
  const pointsShares = allocate(pointsDiscountFen, afterCoupons);

  const lines: PricedLine[] = priced.map((p, i) => ({
    lineId: p.line.lineId,
    quantity: p.line.quantity,
    listFen: p.listFen,
    memberFen: p.memberFen,
    couponFen: couponShares[i] as number,
    pointsFen: pointsShares[i] as number,
    paidFen: (afterCoupons[i] as number) - (pointsShares[i] as number),
  }));
  const goodsPaidFen = goodsAfterCoupons - pointsDiscountFen;
  return {
    lines,
    listFen,
    memberDiscountFen: listFen - goodsSubtotalFen,
    goodsSubtotalFen,
    coupons: applied?.ok ? applied.lines : [],
    couponDiscountFen,
    pointsUsed,
    pointsDiscountFen,
    shippingFeeFen,
    shippingDiscountFen,
    payableFen: goodsPaidFen + shippingFeeFen - shippingDiscountFen,
    pointsToEarn: purchasePoints(goodsPaidFen, input.points.earnPerYuan, input.tier.pointsMultiplierPercent),
  };
}
