import type { OrderDoc } from '~/types/orders';
import type { Fen, Points } from '~/types/units';
import { CodedError } from '~/core/coded-error';

export interface RefundPlan {
  lineIds: string[];
  amountFen: Fen;
  /** Points used on the refunded lines, and where they sit in the order's spend (lines in order). */
  pointsReturned: Points;
  pointsSlices: { offset: number; points: Points }[];
  /** Whether every line of the order is refunded once this refund is. */
  completesOrder: boolean;
  /** Goods never left the shop, so their stock goes back. */
  restock: boolean;
  couponPolicy: 'returned' | 'kept';
}

/**
 * What refunding some lines of an order gives back. Lines are refunded whole: the member gets
 * what each line paid (its share of coupons and points already taken off), and the points used
 * on it. The shipping fee comes back only when the last lines are refunded before shipping.
 * Coupons policy: the order's coupons come back (as issued, in their own validity) only when
 * the whole order ends up refunded; a partial refund keeps them used, as the kept lines still
 * had their share of the discount.
 */
export function planRefund(
  order: Pick<OrderDoc, 'lines' | 'status' | 'shippingFeeFen' | 'shippingDiscountFen'>,
  lineIds: readonly string[],
): RefundPlan {
  if (lineIds.length === 0) throw new CodedError('VALIDATION_FAILED', 'lineIds: choose at least one line');
  if (new Set(lineIds).size !== lineIds.length) throw new CodedError('VALIDATION_FAILED', 'lineIds: a line is listed twice');
  for (const id of lineIds) {
    const line = order.lines.find((candidate) => candidate.lineId === id);
    if (!line) throw new CodedError('VALIDATION_FAILED', `lineIds: ${id} is not a line of this order`, { field: 'lineIds' });
    if (line.refundId !== null) throw new CodedError('INVALID_STATE', `商品「${line.title}」已退款`, { lineId: id });
  }
  const chosen = new Set(lineIds);
  let offset = 0;
  const pointsSlices: { offset: number; points: Points }[] = [];
  for (const line of order.lines) {
    if (chosen.has(line.lineId) && line.pointsUsed > 0) pointsSlices.push({ offset, points: line.pointsUsed });
    offset += line.pointsUsed;
  }
  const refunded = order.lines.filter((line) => chosen.has(line.lineId));
  const completesOrder = order.lines.every((line) => line.refundId !== null || chosen.has(line.lineId));
  const restock = order.status === 'paid';
  const shippingBack = completesOrder && restock ? order.shippingFeeFen - order.shippingDiscountFen : 0;
  return {
    lineIds: order.lines.filter((line) => chosen.has(line.lineId)).map((line) => line.lineId),
    amountFen: refunded.reduce((sum, line) => sum + line.paidFen, 0) + shippingBack,
    pointsReturned: refunded.reduce((sum, line) => sum + line.pointsUsed, 0),
    pointsSlices,
    completesOrder,
    restock,
    couponPolicy: completesOrder ? 'returned' : 'kept',
  };
}
