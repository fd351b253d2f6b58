import { assertMove } from '~/core/orders/order-machine';
import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { applyPayment } from './apply-payment';
import { releaseHolds } from './placement-steps';
import { closeOrder, queryOrder } from './wechat-pay';
import { CodedError } from '~/core/coded-error';

/**
 * Cancels an unpaid order (by its member, or by the sweep when the payment deadline passed):
 * closes its WeChat Pay order first, so it can no longer be paid — if it turns out paid, the
 * payment is applied and the order stays — then moves it to cancelled by a guarded update and
 * gives back its stock, coupons and points. Cancelling again finishes a give-back a crash cut short.
 */
export async function cancelOrder(ctx: RequestContext, order: OrderDoc, reason: string): Promise<OrderDoc> {
  const orders = ctx.db.collection('orders');
  if (order.status === 'cancelled') {
    if (!order.holdsReturned) await releaseHolds(ctx, order);
    return (await orders.get(order._id)) as OrderDoc;
  }
  assertMove(order, 'cancelled', '取消');
  if (order.paymentStartedAt !== null) {
    const closed = await closeOrder(order.orderNo);
    if (closed.errCode === 'ORDERPAID') {
      const state = await queryOrder(order.orderNo);
      if (state.tradeState === 'SUCCESS' && state.transactionId) {
        await applyPayment(ctx, order, {
          outTradeNo: order.orderNo,
          transactionId: state.transactionId,
          totalFee: state.totalFee ?? order.payableFen,
        });
      }
      throw new CodedError('INVALID_STATE', '订单已支付，不能取消', { status: 'paid' });
    }
  }
  const fields = {
    status: 'cancelled',
    cancelledAt: ctx.now,
    cancelReason: reason,
    timeline: ctx.db.command.push([{ status: 'cancelled', at: ctx.now, note: reason }]),
    updatedAt: ctx.now,
  };
  const moved = await orders.updateWhere({ _id: order._id, status: 'pendingPayment' }, fields);
  const current = (await orders.get(order._id)) as OrderDoc;
  if (current.status !== 'cancelled') assertMove(current, 'cancelled', '取消');
  // Close again now that the order is cancelled: a payment being created while this ran either
  // exists by now and is closed here, or is closed by startPayment, which checks the order after
  // creating it. Paid meanwhile → the callback refunds it, as the order is cancelled.
  if (moved === 1 && current.paymentStartedAt !== null) await closeOrder(current.orderNo);
  await releaseHolds(ctx, current);
  return { ...current, holdsReturned: true };
}
