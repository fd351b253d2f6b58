import type { Fen } from '~/types/units';
import type { OrderAmounts } from './discount';
import { quoteCoupon } from './discount';
import type { Stackable } from './stacking';
import { stackingConflicts } from './stacking';

/** One selected coupon's share of an order's discount. */
export interface AppliedCoupon {
  id: string;
  goodsDiscountFen: Fen;
  shippingDiscountFen: Fen;
}

export type CouponsApplied =
  { ok: true; lines: AppliedCoupon[]; goodsDiscountFen: Fen; shippingDiscountFen: Fen } | { ok: false; id: string; reason: string };

const KIND_ORDER = { cash: 0, percent: 1, shipping: 2 } as const;

/**
 * The discount of a selection of coupons on one order. Every threshold is checked against
 * the goods subtotal before any coupon; goods coupons then apply one after another, cash
 * before percent (so a percent coupon discounts what is left after the cash off), and the
 * goods discount together never exceeds the subtotal. Lines come back in selection order.
 */
export function applyCoupons(selection: readonly Stackable[], amounts: OrderAmounts): CouponsApplied {
  const conflict = stackingConflicts(selection)[0];
  if (conflict) return { ok: false, id: conflict.id, reason: '与已选优惠券不可同时使用' };

  const lines = new Map<string, AppliedCoupon>();
  let remaining = amounts.goodsSubtotalFen;
  const ordered = [...selection].sort((a, b) => KIND_ORDER[a.terms.kind] - KIND_ORDER[b.terms.kind]);
  for (const coupon of ordered) {
    const alone = quoteCoupon(coupon.terms, amounts);
    if (!alone.applicable) return { ok: false, id: coupon.id, reason: alone.reason };
    const stacked = quoteCoupon(
      { ...coupon.terms, thresholdFen: 0 },
      { goodsSubtotalFen: remaining, shippingFeeFen: amounts.shippingFeeFen },
    );
    if (!stacked.applicable) return { ok: false, id: coupon.id, reason: '与已选优惠券叠加后暂无可优惠金额' };
    remaining -= stacked.goodsDiscountFen;
    lines.set(coupon.id, { id: coupon.id, goodsDiscountFen: stacked.goodsDiscountFen, shippingDiscountFen: stacked.shippingDiscountFen });
  }
  const inOrder = selection.map((coupon) => lines.get(coupon.id) as AppliedCoupon);
  return {
    ok: true,
    lines: inOrder,
    goodsDiscountFen: amounts.goodsSubtotalFen - remaining,
    shippingDiscountFen: inOrder.reduce((sum, line) => sum + line.shippingDiscountFen, 0),
  };
}
