import { memberAbilities, refundKindsFor } from '~/core/orders/order-machine';
import { planRefund } from '~/core/orders/refund-plan';
import type { OrderDoc, RefundDoc, RefundKind } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { loadOwnOrder } from './load-order';
import { newOrderNo, refundIdOf } from './order-ids';
import { loadShopSettings } from './shop-settings';
import { CodedError } from '~/core/coded-error';

/** Refunds that are asked for or under way (a return awaited included) hold their lines. */
export const OPEN_REFUND = ['requested', 'awaitingReturn', 'refunding'] as const;

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
  const held = earlier.filter((refund) => (OPEN_REFUND as readonly string[]).includes(refund.status)).flatMap((refund) => refund.lineIds);
  if (!memberAbilities(order, held, ctx.now, shop.refundDays).requestRefund) {
    throw new CodedError(
      'INVALID_STATE',
      order.status === 'completed' ? `已超过${shop.refundDays}天售后期，不能申请退款` : '该订单当前不能申请退款',
      { status: order.status },
    );
  }
  const kind = input.kind ?? 'refundOnly';
  if (!refundKindsFor(order).includes(kind))
    throw new CodedError('INVALID_STATE', '商品尚未发货，无需退货，请选择仅退款', { status: order.status, kind });
  const lineIds =
    input.lineIds ?? order.lines.filter((line) => line.refundId === null && !held.includes(line.lineId)).map((line) => line.lineId);
  const busy = lineIds.find((lineId) => held.includes(lineId));
  if (busy) throw new CodedError('INVALID_STATE', '该商品已在退款处理中', { lineId: busy });
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
  if (!(await refunds.insert(refund))) return { order, refund: (await refunds.get(id)) as RefundDoc };
  const _ = ctx.db.command;
  await ctx.db.collection('orders').updateWhere(
    { _id: order._id },
    {
      hasRefund: true,
      timeline: _.push([
        { status: 'refundRequested', at: ctx.now, note: `${kind === 'returnAndRefund' ? '申请退货退款' : '申请退款'}：${input.reason}` },
      ]),
      updatedAt: ctx.now,
    },
  );
  return { order: await loadOwnOrder(ctx, memberId, order._id), refund };
}
