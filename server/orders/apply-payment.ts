import type { OrderDoc, PaymentDoc } from '~/types/orders';
import type { Fen } from '~/types/units';
import { couponShares } from '../coupons/coupon-shares';
import { useCoupon } from '../coupons/use-coupon';
import { markLastPaid } from '../members/mark-last-paid';
import { earnForOrder } from '../points/earn-for-order';
import type { RequestContext } from '../runtime/wx';
import { recordQualifyingSpend } from '../tiers/qualifying-spend';
import { countCoPurchases } from './count-co-purchases';
import { allocatePickupCode } from './pickup-code';
import { settleHeldStock } from './stock';
import { refund, succeeded } from './wechat-pay';
import { CodedError } from '~/core/coded-error';

export interface ConfirmedPayment {
  outTradeNo: string;
  transactionId: string;
  totalFee: Fen;
}

/** The goods part of what an order paid: the base of purchase points and of qualifying spend (shipping excluded). */
export const goodsPaidFen = (order: Pick<OrderDoc, 'lines'>) => order.lines.reduce((sum, line) => sum + line.paidFen, 0);

/**
 * Applies one confirmed WeChat Pay payment to its order, however often it is delivered: the
 * payment is recorded once under its transaction id, the order moves pendingPayment → paid by a
 * guarded update, and the effects of payment — coupons used, purchase points (pending), the
 * qualifying spend and its tier upgrade, the member's last-paid date — are each idempotent, so a
 * repeat delivery finishes what a crashed one started and changes nothing else. A payment for
 * an order that was cancelled meanwhile, or of another amount, is refunded in full.
 */
export async function applyPayment(ctx: RequestContext, order: OrderDoc, payment: ConfirmedPayment): Promise<OrderDoc> {
  const payments = ctx.db.collection('payments');
  const paymentId = `pay:${payment.transactionId}`;
  let current = order;
  // A payment of another amount than the order asked is never applied; it goes back below.
  if (current.status === 'pendingPayment' && payment.totalFee === current.payableFen) {
    const pickupCode = current.delivery.mode === 'pickup' ? await allocatePickupCode(ctx, { orderId: current._id }) : null;
    const event: OrderDoc['timeline'][number] = {
      status: 'paid',
      at: ctx.now,
      note: pickupCode ? '支付成功，可到店自提' : '支付成功，等待发货',
    };
    const fields = {
      status: 'paid' as const,
      paidAt: ctx.now,
      transactionId: payment.transactionId,
      ...(pickupCode && current.delivery.mode === 'pickup' ? { delivery: { ...current.delivery, pickupCode } } : {}),
      updatedAt: ctx.now,
    };
    const moved = await ctx.db
      .collection('orders')
      .updateWhere({ _id: current._id, status: 'pendingPayment' }, { ...fields, timeline: ctx.db.command.push([event]) });
    if (moved === 1) {
      // The guarded move took, so the order is what it was plus these fields (its timeline appended, not rewritten).
      current = { ...current, ...fields, timeline: [...current.timeline, event] };
      // Counters the move itself guards: only the delivery whose move took counts the sale.
      await Promise.all([
        ...current.lines.map((line) =>
          ctx.db.collection('products').updateWhere({ _id: line.productId }, { salesCount: ctx.db.command.inc(line.quantity) }),
        ),
        countCoPurchases(ctx, current),
      ]);
    } else {
      current = (await ctx.db.collection('orders').get(current._id)) as OrderDoc;
    }
  }
  const applied = current.transactionId === payment.transactionId && current.paidAt !== null;
  const record = (outcome: PaymentDoc['outcome']) =>
    payments.insert({
      _id: paymentId,
      orderId: current._id,
      outTradeNo: payment.outTradeNo,
      transactionId: payment.transactionId,
      totalFee: payment.totalFee,
      outcome,
      receivedAt: ctx.now,
    });
  if (!applied) {
    // Paid after the order was cancelled, paid twice, or of another amount: the money goes straight
    // back. A refused refund fails the callback, so WeChat Pay delivers it again and it is retried
    // (the same refund number never pays out twice); only a refund made is recorded.
    const reply = await refund({
      outTradeNo: payment.outTradeNo,
      outRefundNo: `late${payment.outTradeNo}`,
      totalFee: payment.totalFee,
      refundFee: payment.totalFee,
    });
    if (!succeeded(reply))
      throw new CodedError(
        'PAYMENT_FAILED',
        `refund of late payment ${payment.transactionId} refused: ${reply.errCode ?? reply.returnCode ?? 'unknown'}`,
      );
    await record('refundedLate');
    return current;
  }
  await record('applied');
  await finishPaymentEffects(ctx, current);
  return current;
}

/**
 * The effects of a paid order — its held stock sold, then the loyalty effects — each idempotent
 * on the order. Run by the payment, and again before a refund or a completion, so that a payment
 * whose effects a crash cut short is finished before anything builds on them. A fully refunded
 * order has had its effects undone, so a late repeat of its payment changes nothing.
 */
export async function finishPaymentEffects(ctx: RequestContext, order: OrderDoc): Promise<void> {
  if (order.status === 'refunded' || order.paidAt === null) return;
  await settleHeldStock(ctx, order);
  const shares = await couponShares(ctx, order);
  for (const couponId of order.couponIds) {
    await useCoupon(ctx, { instanceId: couponId, memberId: order.memberId, orderId: order._id }, shares.get(couponId) ?? 0);
  }
  await earnForOrder(ctx, {
    memberId: order.memberId,
    orderId: order._id,
    lines: order.lines.map((line) => ({ lineId: line.lineId, paidFen: line.paidFen })),
  });
  await recordQualifyingSpend(ctx, { memberId: order.memberId, sourceId: `order:${order._id}`, amountFen: goodsPaidFen(order) });
  await markLastPaid(ctx, { memberId: order.memberId, paidAt: order.paidAt });
}
