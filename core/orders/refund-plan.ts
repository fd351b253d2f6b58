import type { EarnSnapshot } from '~/types/points';
import type { OrderDoc, RefundDoc, RefundKind, RefundPreview } from '~/types/orders';
import type { Fen, Points } from '~/types/units';
import { CodedError } from '~/core/coded-error';

export interface RefundPlan {
  lineIds: string[];
  amountFen: Fen;
  /** The part of `amountFen` that is the order's shipping fee. */
  shippingBackFen: Fen;
  /** Points used on the refunded lines, and where they sit in the order's spend (lines in order). */
  pointsReturned: Points;
  pointsSlices: { offset: number; points: Points }[];
  /** Whether every line of the order is refunded once this refund is. */
  completesOrder: boolean;
  /** The goods are back in the shop (never shipped, or returned), so their stock goes back. */
  restock: boolean;
  couponPolicy: 'returned' | 'kept';
}

/** A refund's kind; refunds asked for before there were kinds are 仅退款. */
export function refundKindOf(refund: Pick<RefundDoc, 'kind'>): RefundKind {
  return refund.kind ?? 'refundOnly';
}

/**
 * What refunding some lines of an order gives back. Lines are refunded whole: the member gets
 * what each line paid (its share of coupons and points already taken off), and the points used
 * on it. The shipping fee comes back only when the last lines are refunded before shipping.
 * Stock goes back when the goods never shipped, or (退货退款) once they are returned.
 * Coupons policy: the order's coupons come back (as issued, in their own validity) only when
 * the whole order ends up refunded; a partial refund keeps them used, as the kept lines still
 * had their share of the discount.
 */
export function planRefund(
  order: Pick<OrderDoc, 'lines' | 'status' | 'shippingFeeFen' | 'shippingDiscountFen'>,
  lineIds: readonly string[],
  kind: RefundKind = 'refundOnly',
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
  const unshipped = order.status === 'paid';
  const shippingBackFen = completesOrder && unshipped ? order.shippingFeeFen - order.shippingDiscountFen : 0;
  return {
    lineIds: order.lines.filter((line) => chosen.has(line.lineId)).map((line) => line.lineId),
    amountFen: refunded.reduce((sum, line) => sum + line.paidFen, 0) + shippingBackFen,
    shippingBackFen,
    pointsReturned: refunded.reduce((sum, line) => sum + line.pointsUsed, 0),
    pointsSlices,
    completesOrder,
    restock: unshipped || kind === 'returnAndRefund',
    couponPolicy: completesOrder ? 'returned' : 'kept',
  };
}

/** Points some lines earned, as the order's earn entry split them: what refunding them claws back. */
export function pointsEarnedBy(snapshot: Pick<EarnSnapshot, 'lines'> | null | undefined, lineIds: readonly string[]): Points {
  return (snapshot?.lines ?? []).filter((line) => lineIds.includes(line.lineId)).reduce((sum, line) => sum + line.points, 0);
}

/**
 * What approving a refund does if done now: the plan of its lines against the order as it is
 * (the plan the approval fixes, with the same function), the points its lines earned, and the
 * stock and coupons that come back. Once its lines are refunded the plan is fixed: the refund's
 * own figures are answered.
 */
export function previewRefund(
  order: Pick<OrderDoc, 'orderNo' | 'lines' | 'status' | 'shippingFeeFen' | 'shippingDiscountFen' | 'couponIds'>,
  refund: Pick<
    RefundDoc,
    | '_id'
    | 'refundNo'
    | 'kind'
    | 'status'
    | 'lineIds'
    | 'amountFen'
    | 'requestedFen'
    | 'pointsReturned'
    | 'pointsClawedBack'
    | 'couponPolicy'
    | 'restock'
  >,
  earnSnapshot: Pick<EarnSnapshot, 'lines'> | null | undefined,
): RefundPreview {
  const kind = refundKindOf(refund);
  const lines = order.lines.filter((line) => refund.lineIds.includes(line.lineId));
  const linesFen = lines.reduce((sum, line) => sum + line.paidFen, 0);
  const fixed = order.lines.some((line) => line.refundId === refund._id);
  const plan = fixed
    ? {
        amountFen: refund.amountFen,
        shippingBackFen: refund.amountFen - linesFen,
        pointsReturned: refund.pointsReturned,
        couponPolicy: refund.couponPolicy,
        restock: refund.restock,
      }
    : planRefund(order, refund.lineIds, kind);
  const earned = pointsEarnedBy(earnSnapshot, refund.lineIds);
  return {
    refundId: refund._id,
    refundNo: refund.refundNo,
    orderNo: order.orderNo,
    kind,
    status: refund.status,
    amountFen: plan.amountFen,
    requestedFen: refund.requestedFen ?? refund.amountFen,
    shippingBackFen: plan.shippingBackFen,
    pointsReturned: plan.pointsReturned,
    pointsClawedBack: refund.status === 'refunded' ? refund.pointsClawedBack : earned,
    couponPolicy: plan.couponPolicy,
    couponsReturned: plan.couponPolicy === 'returned' ? order.couponIds.length : 0,
    stockReturned: plan.restock ? lines.map((line) => ({ skuId: line.skuId, title: line.title, quantity: line.quantity })) : [],
    lines: lines.map((line) => ({ lineId: line.lineId, title: line.title, quantity: line.quantity, paidFen: line.paidFen })),
    next: kind === 'returnAndRefund' && refund.status === 'requested' ? 'awaitReturn' : 'payBack',
  };
}
