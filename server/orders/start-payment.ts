import { assertMove } from '~/core/orders/order-machine';
import type { PaymentStart } from '~/types/functions/orders';
import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { applyPayment } from './apply-payment';
import { loadOwnOrder } from './load-order';
import { closeOrder, queryOrder, subMchId, succeeded, unifiedOrder } from './wechat-pay';
import { CodedError } from '~/core/coded-error';

/**
 * Starts paying an unpaid order: a WeChat Pay prepaid order for exactly the order's payable
 * total, under the order number (so paying again reuses it and can never pay twice). An order
 * with nothing to pay is paid at once. Refuses an order past its payment deadline.
 */
export async function startPayment(ctx: RequestContext, memberId: string, orderId: string): Promise<PaymentStart> {
  const order = await loadOwnOrder(ctx, memberId, orderId);
  const base = { orderId: order._id, outTradeNo: order.orderNo, payableFen: order.payableFen };
  if (order.status === 'paid' || order.paidAt !== null) return { ...base, paid: true, payment: null };
  assertMove(order, 'paid', '支付');
  if (ctx.now > order.payDeadline) throw new CodedError('INVALID_STATE', '订单已超过支付时间，请重新下单', { status: 'expired' });
  if (order.payableFen === 0) {
    const paid = await applyPayment(ctx, order, { outTradeNo: order.orderNo, transactionId: `free-${order.orderNo}`, totalFee: 0 });
    return { ...base, paid: paid.status === 'paid', payment: null };
  }
  subMchId();
  // Recorded before WeChat Pay hears of it, and only while the order is unpaid, so a cancel racing
  // this either stops it here or sees the flag and closes the payment.
  const orders = ctx.db.collection('orders');
  const marked = await orders.updateWhere(
    { _id: order._id, status: 'pendingPayment', paymentStartedAt: null },
    { paymentStartedAt: ctx.now, updatedAt: ctx.now },
  );
  // Not marked now: started before (a repeat), or no longer unpaid; the order as it is says which.
  if (marked !== 1) {
    const started = (await orders.get(order._id)) as OrderDoc;
    if (started.status !== 'pendingPayment' || started.paymentStartedAt === null) assertMove(started, 'paid', '支付');
  }
  const reply = await unifiedOrder({
    outTradeNo: order.orderNo,
    totalFee: order.payableFen,
    body: `悦享商城-订单${order.orderNo}`,
    expiresAt: order.payDeadline,
  });
  if (!succeeded(reply) || !reply.payment) {
    if (reply.errCode === 'ORDERPAID') return settleFromQuery(ctx, order, base);
    throw new CodedError('PAYMENT_FAILED', `微信支付下单失败：${reply.errCodeDes ?? reply.errCode ?? '请稍后重试'}`);
  }
  // Cancelled while WeChat Pay was creating the payment: close it again so it cannot be paid.
  const after = (await orders.get(order._id)) as OrderDoc;
  if (after.status === 'cancelled') {
    await closeOrder(order.orderNo);
    assertMove(after, 'paid', '支付');
  }
  return { ...base, paid: false, payment: reply.payment };
}

/** WeChat Pay says the order is already paid: apply the payment it reports (the callback may still be on its way). */
async function settleFromQuery(ctx: RequestContext, order: OrderDoc, base: Omit<PaymentStart, 'paid' | 'payment'>): Promise<PaymentStart> {
  const state = await queryOrder(order.orderNo);
  if (state.tradeState === 'SUCCESS' && state.transactionId) {
    const paid = await applyPayment(ctx, order, {
      outTradeNo: order.orderNo,
      transactionId: state.transactionId,
      totalFee: state.totalFee ?? order.payableFen,
    });
    return { ...base, paid: paid.status !== 'pendingPayment' && paid.paidAt !== null, payment: null };
  }
  throw new CodedError('PAYMENT_FAILED', '该订单的支付已关闭，请重新下单');
}
