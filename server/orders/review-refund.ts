import { canMove } from '~/core/orders/order-machine';
import { planRefund } from '~/core/orders/refund-plan';
import type { OrderDoc, RefundDoc } from '~/types/orders';
import { runTransaction } from '../db/run-transaction';
import { restoreCoupon } from '../coupons/restore-coupon';
import { clawbackOrderPoints } from '../points/clawback-order-points';
import { refundSpentPoints } from '../points/refund-spent-points';
import type { RequestContext } from '../runtime/wx';
import { recordQualifyingSpend } from '../tiers/qualifying-spend';
import { finishPaymentEffects } from './apply-payment';
import { loadOrder } from './load-order';
import { orderSpendKey } from './placement-failure';
import { restockRefundedLines } from './sold-out';
import { refund as refundPayment, succeeded } from './wechat-pay';
import { CodedError } from '~/core/coded-error';

async function loadRefund(ctx: RequestContext, refundId: string): Promise<RefundDoc> {
  const refund = await ctx.db.collection('refunds').get(refundId);
  if (!refund) throw new CodedError('NOT_FOUND', '退款申请不存在');
  return refund;
}

/** Staff or an admin turn a refund request down, with a note the member sees. */
export async function rejectRefund(ctx: RequestContext, reviewer: string, refundId: string, note: string): Promise<RefundDoc> {
  const refund = await loadRefund(ctx, refundId);
  if (refund.status === 'rejected') return refund;
  const fields = { status: 'rejected' as const, reviewedBy: reviewer, reviewNote: note, reviewedAt: ctx.now, updatedAt: ctx.now };
  const moved = await ctx.db.collection('refunds').updateWhere({ _id: refundId, status: 'requested' }, fields);
  if (moved !== 1)
    throw new CodedError('INVALID_STATE', '该退款已在处理或已完成，不能驳回', { status: (await loadRefund(ctx, refundId)).status });
  await ctx.db
    .collection('orders')
    .updateWhere(
      { _id: refund.orderId },
      { timeline: ctx.db.command.push([{ status: 'refundRejected', at: ctx.now, note: `退款被驳回：${note}` }]), updatedAt: ctx.now },
    );
  return { ...refund, ...fields };
}

/**
 * Staff or an admin approve a refund, and it is carried out; approving again finishes one a
 * crash or a failed WeChat Pay call cut short, repeating nothing:
 * 1. the lines are marked refunded on the order in one transaction with the refund's final
 *    plan (restock only if nothing has shipped; the shipping fee back on a full refund before
 *    shipping), and the order becomes `refunded` once every line is;
 * 2. WeChat Pay refunds the amount under the refund number (the same number never pays twice);
 * 3. stock goes back, the points used on the lines come back to the buckets they came from, the
 *    points the lines earned are clawed back, the coupons come back on a full refund, and the
 *    qualifying spend drops by what the lines paid — each idempotent on the refund.
 */
export async function approveRefund(ctx: RequestContext, reviewer: string, refundId: string): Promise<RefundDoc> {
  const refunds = ctx.db.collection('refunds');
  let refund = await loadRefund(ctx, refundId);
  if (refund.status === 'refunded') return refund;
  if (refund.status === 'rejected') throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
  if (refund.status === 'requested') {
    const taken = await refunds.updateWhere(
      { _id: refundId, status: 'requested' },
      { status: 'refunding', reviewedBy: reviewer, reviewedAt: ctx.now, updatedAt: ctx.now },
    );
    // Rejected by someone else meanwhile: the rejection stands.
    if (taken !== 1 && (await loadRefund(ctx, refundId)).status === 'rejected')
      throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
  }
  // A payment whose effects a crash cut short is finished first, so the claw-back finds its points.
  await finishPaymentEffects(ctx, await loadOrder(ctx, refund.orderId));
  refund = await markLinesRefunded(ctx, refundId);
  const order = await loadOrder(ctx, refund.orderId);

  if (refund.amountFen > 0) {
    const reply = await refundPayment({
      outTradeNo: order.orderNo,
      outRefundNo: refund.refundNo,
      totalFee: order.payableFen,
      refundFee: refund.amountFen,
    });
    if (!succeeded(reply))
      throw new CodedError('PAYMENT_FAILED', `微信退款失败：${reply.errCodeDes ?? reply.errCode ?? '请稍后重试'}，可再次审核通过以重试`);
  }
  if (refund.restock) await restockRefundedLines(ctx, order._id, refund.lineIds);
  const slices = planRefund({ ...order, lines: order.lines.map((line) => ({ ...line, refundId: null })) }, refund.lineIds).pointsSlices;
  if (slices.length > 0) {
    await refundSpentPoints(ctx, {
      memberId: order.memberId,
      key: `refund:order:${order._id}:${refund._id}`,
      spendKey: orderSpendKey(order._id),
      reason: `订单退款退回积分：${order.orderNo}`,
      ref: { type: 'order', id: order._id },
      slices,
    });
  }
  const clawback = await clawbackOrderPoints(ctx, {
    memberId: order.memberId,
    orderId: order._id,
    refundId: refund._id,
    lineIds: refund.lineIds,
  });
  if (refund.couponPolicy === 'returned') {
    for (const couponId of order.couponIds)
      await restoreCoupon(ctx, { instanceId: couponId, memberId: order.memberId, orderId: order._id });
  }
  const linesPaid = order.lines.filter((line) => refund.lineIds.includes(line.lineId)).reduce((sum, line) => sum + line.paidFen, 0);
  // Dated with the payment, so the refunded spend leaves the rolling window together with it.
  await recordQualifyingSpend(ctx, {
    memberId: order.memberId,
    sourceId: `refund:${refund._id}`,
    amountFen: -linesPaid,
    at: order.paidAt ?? ctx.now,
  });
  if (order.status === 'refunded' && order.delivery.mode === 'pickup' && order.delivery.pickupCode) {
    await ctx.db.raw.collection('pickup_codes').doc(order.delivery.pickupCode).remove();
  }

  const done = {
    status: 'refunded' as const,
    refundedAt: ctx.now,
    pointsClawedBack: clawback ? -(clawback.entry.available + clawback.entry.pending) : 0,
    updatedAt: ctx.now,
  };
  if ((await refunds.updateWhere({ _id: refundId, status: 'refunding' }, done)) === 1) {
    await ctx.db.collection('orders').updateWhere(
      { _id: order._id },
      {
        timeline: ctx.db.command.push([
          {
            status: order.status === 'refunded' ? 'refunded' : 'lineRefunded',
            at: ctx.now,
            note: `退款成功 ¥${(refund.amountFen / 100).toFixed(2)}，已原路退回`,
          },
        ]),
        updatedAt: ctx.now,
      },
    );
  }
  return { ...refund, ...done };
}

/**
 * Step 1 of a refund, in one transaction: fixes the refund's plan against the order as it is
 * now and marks its lines refunded. A line another refund already took makes this one rejected.
 */
async function markLinesRefunded(ctx: RequestContext, refundId: string): Promise<RefundDoc> {
  const outcome = await runTransaction(ctx, async (tx) => {
    const refund = (await tx.collection('refunds').doc(refundId).get()).data as RefundDoc;
    const order = (await tx.collection('orders').doc(refund.orderId).get()).data as OrderDoc;
    if (refund.steps.includes('lines')) return { refund, clash: false };
    if (refund.status !== 'refunding')
      throw new CodedError('INVALID_STATE', refund.status === 'rejected' ? '该退款已驳回' : '该退款不在处理中', { status: refund.status });
    if (order.lines.some((line) => refund.lineIds.includes(line.lineId) && line.refundId !== null)) return { refund, clash: true };
    const plan = planRefund(order, refund.lineIds);
    const lines = order.lines.map((line) => (refund.lineIds.includes(line.lineId) ? { ...line, refundId } : line));
    const everyLine = lines.every((line) => line.refundId !== null);
    const status = everyLine && canMove(order.status, 'refunded') ? 'refunded' : order.status;
    const note = everyLine
      ? `退款已同意 ¥${(plan.amountFen / 100).toFixed(2)}，订单全部退款`
      : `部分退款已同意 ¥${(plan.amountFen / 100).toFixed(2)}`;
    await tx
      .collection('orders')
      .doc(order._id)
      .update({
        data: {
          lines,
          status,
          refundedFen: order.refundedFen + plan.amountFen,
          refundedPoints: order.refundedPoints + plan.pointsReturned,
          timeline: [...order.timeline, { status: 'refundApproved', at: ctx.now, note }],
          updatedAt: ctx.now,
        },
      });
    const fixed = {
      amountFen: plan.amountFen,
      pointsReturned: plan.pointsReturned,
      restock: plan.restock,
      couponPolicy: plan.couponPolicy,
      steps: [...refund.steps, 'lines'],
    };
    await tx
      .collection('refunds')
      .doc(refundId)
      .update({ data: { ...fixed, updatedAt: ctx.now } });
    return { refund: { ...refund, ...fixed }, clash: false };
  });
  if (outcome.clash) {
    await ctx.db
      .collection('refunds')
      .updateWhere(
        { _id: refundId, status: 'refunding' },
        { status: 'rejected', reviewNote: '所选商品已在其他退款中退款', updatedAt: ctx.now },
      );
    throw new CodedError('INVALID_STATE', '所选商品已在其他退款中退款，本申请已驳回');
  }
  return outcome.refund;
}
