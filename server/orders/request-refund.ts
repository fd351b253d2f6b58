import { memberAbilities, refundableLineIds, refundKindsFor } from '~/core/orders/order-machine';
import { planRefund } from '~/core/orders/refund-plan';
import type { OrderDoc, RefundDoc, RefundKind } from '~/types/orders';
import type { Transaction } from '../db/run-transaction';
import { runTransaction } from '../db/run-transaction';
import type { RequestContext } from '../runtime/wx';
import { loadOwnOrder } from './load-order';
import { newOrderNo, refundIdOf } from './order-ids';
import { loadShopSettings } from './shop-settings';
import { CodedError } from '~/core/coded-error';

/** Refunds that are asked for or under way (a return awaited included) hold their lines. */
export const OPEN_REFUND = ['requested', 'awaitingReturn', 'refunding'] as const;

const isOpen = (refund: RefundDoc) => (OPEN_REFUND as readonly string[]).includes(refund.status);

/** The refusal of a line that a refund still open holds. */
const lineBusy = (lineId: string) => new CodedError('INVALID_STATE', '该商品已在退款处理中', { lineId });

/**
 * Inside the transaction that creates refund `refundId`: refuses when a line is refunded or held by
 * another refund still open (a rejected one frees its lines), as the order is now.
 */
async function checkLinesFree(tx: Transaction, orderId: string, refundId: string, lineIds: readonly string[]): Promise<void> {
  const order = (await tx.collection('orders').doc(orderId).get()).data;
  if (!order) throw new CodedError('NOT_FOUND', '订单不存在');
  for (const lineId of lineIds) {
    if (order.lines.find((line) => line.lineId === lineId)?.refundId) throw lineBusy(lineId);
    const holder = order.refundHolds?.[lineId];
    if (!holder || holder === refundId) continue;
    const held = (await tx.collection('refunds').doc(holder).get()).data;
    if (held && isOpen(held)) throw lineBusy(lineId);
  }
}

/** An order's refunds, newest first. */
export async function refundsOf(ctx: RequestContext, orderId: string): Promise<RefundDoc[]> {
  return ctx.db.collection('refunds').find({ orderId }, { orderBy: [['requestedAt', 'desc']], limit: 50 });
}

/**
 * A member asks for a refund of some lines (or all) of a paid order, with a reason and a kind
 * (仅退款, or 退货退款 once the goods are with them); idempotent on the client's refund key. The
 * lines must be refundable now (paid, shipped, or completed within the refund window) and not
 * already refunded or asked for. An admin reviews it.
 */
export async function requestRefund(
  ctx: RequestContext,
  memberId: string,
  input: { orderId: string; lineIds?: string[]; reason: string; kind?: RefundKind; clientKey: string },
): Promise<{ order: OrderDoc; refund: RefundDoc }> {
  const order = await loadOwnOrder(ctx, memberId, input.orderId);
  const refunds = ctx.db.collection('refunds');
  const id = refundIdOf(order._id, input.clientKey);
  const existing = await refunds.get(id);
  if (existing) return { order, refund: existing };

  const [shop, earlier] = await Promise.all([loadShopSettings(ctx), refundsOf(ctx, order._id)]);
  const held = earlier.filter(isOpen).flatMap((refund) => refund.lineIds);
  if (!memberAbilities(order, [], ctx.now, shop.refundDays).requestRefund) {
    throw new CodedError(
      'INVALID_STATE',
      order.status === 'completed' ? `已超过${shop.refundDays}天售后期，不能申请退款` : '该订单当前不能申请退款',
      { status: order.status },
    );
  }
  const kind = input.kind ?? 'refundOnly';
  if (!refundKindsFor(order).includes(kind))
    throw new CodedError('INVALID_STATE', '商品尚未发货，无需退货，请选择仅退款', { status: order.status, kind });
  const busy = input.lineIds?.find((lineId) => held.includes(lineId));
  if (busy) throw lineBusy(busy);
  const lineIds = input.lineIds ?? refundableLineIds(order, held);
  if (lineIds.length === 0) throw lineBusy(held[0] as string);
  const plan = planRefund(order, lineIds, kind);
  const refund: RefundDoc = {
    _id: id,
    refundNo: `R${newOrderNo(ctx.now)}`,
    orderId: order._id,
    orderNo: order.orderNo,
    memberId,
    lineIds: plan.lineIds,
    reason: input.reason,
    status: 'requested',
    kind,
    amountFen: plan.amountFen,
    requestedFen: plan.amountFen,
    pointsReturned: plan.pointsReturned,
    pointsClawedBack: 0,
    couponPolicy: plan.couponPolicy,
    restock: plan.restock,
    reviewedBy: null,
    reviewNote: null,
    requestedAt: ctx.now,
    reviewedAt: null,
    refundedAt: null,
    progress: 'pending',
    updatedAt: ctx.now,
  };
  const _ = ctx.db.command;
  // One transaction claims the lines on the order and creates the refund: of two requests for a
  // line at the same moment, the second re-runs after the conflict, finds the line held and is refused.
  const created = await runTransaction(ctx, async (tx) => {
    const again = (await tx.collection('refunds').doc(id).get()).data;
    if (again) return again;
    await checkLinesFree(tx, order._id, id, plan.lineIds);
    await tx.collection('refunds').add({ data: refund });
    const holds = Object.fromEntries(plan.lineIds.map((lineId) => [`refundHolds.${lineId}`, id]));
    const note = `${kind === 'returnAndRefund' ? '申请退货退款' : '申请退款'}：${input.reason}`;
    await tx
      .collection('orders')
      .doc(order._id)
      .update({
        data: { ...holds, hasRefund: true, timeline: _.push([{ status: 'refundRequested', at: ctx.now, note }]), updatedAt: ctx.now },
      });
    return refund;
  });
  if (created !== refund) return { order, refund: created };
  return { order: await loadOwnOrder(ctx, memberId, order._id), refund };
}
