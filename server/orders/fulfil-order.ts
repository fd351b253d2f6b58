import { assertMove } from '~/core/orders/order-machine';
import type { Carrier, OrderDoc } from '~/types/orders';
import { startReturnWindow } from '../points/start-return-window';
import { finishPaymentEffects } from './apply-payment';
import type { RequestContext } from '../runtime/wx';
import { findPickupCode, markHandedOver } from './pickup-code';
import { CodedError } from '~/core/coded-error';
import type { ChangeAudit } from '../audit/change-with-audit';
import { changeWithAudit } from '../audit/change-with-audit';

/** Who moves an order by hand, for the audit entry written with the move (a member's own move has none). */
export type MovedBy = (before: OrderDoc, after: OrderDoc) => ChangeAudit;

/** A guarded move of an order from one status to the next, with its timeline note and, when an admin makes it, its audit entry: one transaction. */
async function move(
  ctx: RequestContext,
  order: OrderDoc,
  from: OrderDoc['status'],
  fields: Partial<OrderDoc>,
  note: string,
  by?: MovedBy,
): Promise<OrderDoc> {
  const to = fields.status as OrderDoc['status'];
  const current = await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('orders').doc(order._id);
    const found = (await ref.get()).data;
    if (!found || found.status !== from) return { value: found, audit: null };
    const change = { ...fields, updatedAt: ctx.now };
    await ref.update({ data: { ...change, timeline: ctx.db.command.push([{ status: to, at: ctx.now, note }]) } });
    const moved = { ...found, ...change, timeline: [...found.timeline, { status: to, at: ctx.now, note }] };
    return { value: moved, audit: by?.(found, moved) ?? null };
  });
  if (!current) throw new CodedError('NOT_FOUND', `no order ${order._id}`);
  if (current.status !== to) assertMove(current, to, note);
  return current;
}

/**
 * Refuses to send off or hand over an order while a refund of it waits for review: the operator
 * decides the refund first, as shipping changes what it pays back (the shipping fee, the stock).
 */
async function assertNoRefundAwaitingReview(ctx: RequestContext, order: OrderDoc, action: '发货' | '提货'): Promise<void> {
  const waiting = await ctx.db.collection('refunds').findOne({ orderId: order._id, status: 'requested' });
  if (waiting)
    throw new CodedError('INVALID_STATE', `该订单有待审核的退款申请，请先处理退款再${action}`, {
      status: order.status,
      refundId: waiting._id,
    });
}

/** Staff ship a paid delivery order with its carrier and tracking number (paid → shipped). */
export async function shipOrder(
  ctx: RequestContext,
  order: OrderDoc,
  { carrier, trackingNo }: { carrier: Carrier; trackingNo: string },
  by: MovedBy,
): Promise<OrderDoc> {
  if (order.delivery.mode !== 'delivery') throw new CodedError('INVALID_STATE', '自提订单无需发货');
  if (order.status === 'shipped') return order;
  assertMove(order, 'shipped', '发货');
  await assertNoRefundAwaitingReview(ctx, order, '发货');
  return move(
    ctx,
    order,
    'paid',
    { status: 'shipped', shippedAt: ctx.now, delivery: { ...order.delivery, carrier, trackingNo } },
    `已发货，${carrier} 运单号 ${trackingNo}`,
    by,
  );
}

/**
 * Completes an order — the member confirms receipt of a shipped one, or staff hand over a
 * pickup order, `by` whom for the audit — and starts the return window after which its points become available.
 */
export async function completeOrder(ctx: RequestContext, order: OrderDoc, how: 'received' | 'pickedUp', by?: MovedBy): Promise<OrderDoc> {
  if (how === 'received' && order.delivery.mode !== 'delivery') throw new CodedError('INVALID_STATE', '自提订单请到店出示提货码');
  if (how === 'pickedUp' && order.delivery.mode !== 'pickup') throw new CodedError('INVALID_STATE', '快递订单不能到店提货');
  if (how === 'received' && order.status === 'paid')
    throw new CodedError('INVALID_STATE', '商家尚未发货，暂不能确认收货', { status: order.status });
  // A payment whose effects a crash cut short is finished first, so the return window finds its points.
  await finishPaymentEffects(ctx, order);
  let current = order;
  if (current.status !== 'completed') {
    assertMove(current, 'completed', how === 'received' ? '确认收货' : '提货');
    if (how === 'pickedUp') await assertNoRefundAwaitingReview(ctx, current, '提货');
    current = await move(
      ctx,
      current,
      how === 'received' ? 'shipped' : 'paid',
      { status: 'completed', completedAt: ctx.now },
      how === 'received' ? '已确认收货' : '已到店提货',
      by,
    );
  }
  await startReturnWindow(ctx, { orderId: current._id, completedAt: current.completedAt as number });
  // A handed-over order's code keeps naming it, so a second write-off says when it was collected.
  if (current.delivery.mode === 'pickup' && current.delivery.pickupCode) await markHandedOver(ctx, current.delivery.pickupCode);
  return current;
}

/** The paid pickup order holding a pickup code, for the till. */
export async function orderByPickupCode(ctx: RequestContext, code: string): Promise<OrderDoc> {
  const entry = await findPickupCode(ctx, code);
  const order = entry && 'orderId' in entry ? await ctx.db.collection('orders').get(entry.orderId) : null;
  // A code drawn by a payment delivery that lost the race to another is not the order's code.
  if (!order || order.delivery.mode !== 'pickup' || order.delivery.pickupCode !== code) throw new CodedError('NOT_FOUND', '提货码无效');
  return order;
}
