import { assertMove } from '~/core/orders/order-machine';
import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { releaseHolds } from './placement-steps';
import { reconcilePayment } from './reconcile-payment';
import { closeOrder, succeeded } from './wechat-pay';
import { CodedError } from '~/core/coded-error';

/**
 * Cancels an unpaid order (by its member, or by the sweep when the payment deadline passed).
 * An order whose payment was started is first checked with WeChat Pay — paid there, its payment
 * is applied and the cancel refused; WeChat Pay unreachable, nothing is cancelled — and its
 * WeChat Pay order closed so it can no longer be paid. Then the order moves to cancelled by a
 * guarded update and gives back its stock, coupons and points. Cancelling again finishes a
 * give-back a crash cut short.
 */
export async function cancelOrder(ctx: RequestContext, order: OrderDoc, reason: string): Promise<OrderDoc> {
  const orders = ctx.db.collection('orders');
  if (order.status === 'cancelled') {
    if (!order.holdsReturned) await releaseHolds(ctx, order);
    return (await orders.get(order._id)) as OrderDoc;
  }
  assertMove(order, 'cancelled', '取消');
  if (order.paymentStartedAt !== null) await stopPayment(ctx, order);
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

/**
 * Makes sure a started payment has not taken money and can no longer take any: WeChat Pay is
 * asked first (its callback may still be on its way), then the payment closed. A close that does
 * not succeed may be a payment made since the question, so WeChat Pay is asked again.
 */
async function stopPayment(ctx: RequestContext, order: OrderDoc): Promise<void> {
  await refuseIfPaid(ctx, order);
  const closed = await closeOrder(order.orderNo).catch(() => null);
  if (!closed || !succeeded(closed)) await refuseIfPaid(ctx, order);
}

async function refuseIfPaid(ctx: RequestContext, order: OrderDoc): Promise<void> {
  const { order: after } = await reconcilePayment(ctx, order);
  if (after.paidAt !== null) throw new CodedError('INVALID_STATE', '订单已支付，不能取消', { status: 'paid' });
}
