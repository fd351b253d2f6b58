import { assertMove } from '~/core/orders/order-machine';
import type { PaymentStart } from '~/types/functions/orders';
import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { applyPayment } from './apply-payment';
import { loadOwnOrder } from './load-order';
import { reconcilePayment } from './reconcile-payment';
import { closeOrder, subMchId, succeeded, unifiedOrder } from './wechat-pay';
import { CodedError, hasCode } from '~/core/coded-error';

/**
 * Starts paying an unpaid order: a WeChat Pay prepaid order for exactly the order's payable
 * total, under the order number (so paying again reuses it and can never pay twice). An order
 * with nothing to pay is paid at once. Refuses an order past its payment deadline. Before
 * answering a failure, asks WeChat Pay whether the order was paid already (its callback still on
 * its way): if so, applies the payment and answers the order paid.
 */
export async function startPayment(ctx: RequestContext, memberId: string, orderId: string): Promise<PaymentStart> {
  const order = await loadOwnOrder(ctx, memberId, orderId);
  const base = { orderId: order._id, outTradeNo: order.orderNo, payableFen: order.payableFen };
  if (order.status === 'paid' || order.paidAt !== null) return { ...base, paid: true, payment: null };
  assertMove(order, 'paid', '支付');
  if (ctx.now > order.payDeadline) {
    // Paid just before the deadline, the callback not yet here: answer it paid, not expired.
    const paid = order.paymentStartedAt === null ? null : await paidMeanwhile(ctx, order, base);
    if (paid?.start) return paid.start;
    throw new CodedError('INVALID_STATE', '订单已超过支付时间，请重新下单', { status: 'expired' });
  }
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
  }).catch(() => null);
  if (!reply || !succeeded(reply) || !reply.payment) {
    // WeChat Pay refuses a paid order number, and the SDK hides its code (ORDERPAID): ask it.
    const paid = await paidMeanwhile(ctx, order, base);
    if (paid?.start) return paid.start;
    if (!paid) throw new CodedError('PAYMENT_FAILED', '暂时无法确认支付结果，请稍后在订单中查看或重试');
    if (paid.tradeState === 'CLOSED') throw new CodedError('PAYMENT_FAILED', '该订单的支付已关闭，请重新下单');
    throw new CodedError('PAYMENT_FAILED', `微信支付下单失败：${reply?.errCodeDes ?? reply?.returnMsg ?? '请稍后重试'}`);
  }
  // Cancelled while WeChat Pay was creating the payment: close it again so it cannot be paid.
  const after = (await orders.get(order._id)) as OrderDoc;
  if (after.status === 'cancelled') {
    await closeOrder(order.orderNo);
    assertMove(after, 'paid', '支付');
  }
  return { ...base, paid: false, payment: reply.payment };
}

/**
 * Whether WeChat Pay has the order's money though no callback came: the payment applied and the
 * answer for a paid order in `start`; or WeChat Pay's trade state when unpaid; or null when
 * WeChat Pay cannot tell (then never answered paid).
 */
async function paidMeanwhile(
  ctx: RequestContext,
  order: OrderDoc,
  base: Omit<PaymentStart, 'paid' | 'payment'>,
): Promise<{ tradeState: string; start: PaymentStart | null } | null> {
  const state = await reconcilePayment(ctx, order).catch((error: unknown) => {
    if (hasCode(error, 'NOT_AVAILABLE')) return null;
    throw error;
  });
  if (!state) return null;
  const paid = state.order.paidAt !== null;
  return { tradeState: state.tradeState, start: paid ? { ...base, paid: true, payment: null } : null };
}
