import { canMove } from '~/core/orders/order-machine';
import { planRefund } from '~/core/orders/refund-plan';
import type { OrderDoc, RefundDoc } from '~/types/orders';
import type { Step } from '../db/steps';
import { stepsRunner } from '../db/steps';
import { runTransaction } from '../db/run-transaction';
import { restoreCoupon } from '../coupons/restore-coupon';
import { clawbackOrderPoints } from '../points/clawback-order-points';
import { refundSpentPoints } from '../points/refund-spent-points';
import type { RequestContext } from '../runtime/wx';
import { recordQualifyingSpend } from '../tiers/qualifying-spend';
import { finishPaymentEffects } from './apply-payment';
import { loadOrder } from './load-order';
import { freePickupCode } from './pickup-code';
import { orderSpendKey } from './placement-steps';
import { restockRefundedLines } from './sold-out';
import { refund as refundPayment, succeeded } from './wechat-pay';
import { CodedError } from '~/core/coded-error';
import { yuanText } from '~/core/money/format';
import { loadRefund } from './load-refund';

/** What the refund's steps work on: the order as its lines step left it. */
interface RefundEnv {
  order: OrderDoc;
}

/**
 * The steps of an approved refund, each idempotent on the refund, so none is recorded: approving
 * again (after a crash or a failed WeChat Pay call) takes them all again and repeats nothing.
 */
const REFUND_STEPS: Step<RefundDoc, RefundEnv>[] = [
  {
    name: 'lines',
    record: false,
    take: async (ctx, refund, env) => {
      const fixed = await markLinesRefunded(ctx, refund._id);
      env.order = await loadOrder(ctx, refund.orderId);
      return fixed;
    },
  },
  {
    name: 'paidBack',
    record: false,
    take: async (_ctx, refund, { order }) => {
      if (refund.amountFen <= 0) return;
      // The same refund number never pays out twice.
      const reply = await refundPayment({
        outTradeNo: order.orderNo,
        outRefundNo: refund.refundNo,
        totalFee: order.payableFen,
        refundFee: refund.amountFen,
      });
      if (!succeeded(reply))
        throw new CodedError('PAYMENT_FAILED', `微信退款失败：${reply.errCodeDes ?? reply.errCode ?? '请稍后重试'}，可再次审核通过以重试`);
    },
  },
  {
    name: 'restocked',
    record: false,
    take: async (ctx, refund, { order }) => {
      if (refund.restock) await restockRefundedLines(ctx, order._id, refund.lineIds);
    },
  },
  {
    name: 'pointsReturned',
    record: false,
    take: async (ctx, refund, { order }) => {
      const slices = planRefund({ ...order, lines: order.lines.map((line) => ({ ...line, refundId: null })) }, refund.lineIds).pointsSlices;
      if (slices.length === 0) return;
      await refundSpentPoints(ctx, {
        memberId: order.memberId,
        key: `refund:order:${order._id}:${refund._id}`,
        spendKey: orderSpendKey(order._id),
        reason: `订单退款退回积分：${order.orderNo}`,
        ref: { type: 'order', id: order._id },
        slices,
      });
    },
  },
  {
    name: 'pointsClawedBack',
    record: false,
    take: async (ctx, refund, { order }) => {
      const clawback = await clawbackOrderPoints(ctx, {
        memberId: order.memberId,
        orderId: order._id,
        refundId: refund._id,
        lineIds: refund.lineIds,
      });
      return { pointsClawedBack: clawback ? -(clawback.entry.available + clawback.entry.pending) : 0 };
    },
  },
  {
    name: 'couponsReturned',
    record: false,
    take: async (ctx, refund, { order }) => {
      if (refund.couponPolicy !== 'returned') return;
      for (const couponId of order.couponIds)
        await restoreCoupon(ctx, { instanceId: couponId, memberId: order.memberId, orderId: order._id });
    },
  },
  {
    name: 'spendLowered',
    record: false,
    take: async (ctx, refund, { order }) => {
      const linesPaid = order.lines.filter((line) => refund.lineIds.includes(line.lineId)).reduce((sum, line) => sum + line.paidFen, 0);
      // Dated with the payment, so the refunded spend leaves the rolling window together with it.
      await recordQualifyingSpend(ctx, {
        memberId: order.memberId,
        sourceId: `refund:${refund._id}`,
        amountFen: -linesPaid,
        at: order.paidAt ?? ctx.now,
      });
    },
  },
  {
    name: 'codeFreed',
    record: false,
    take: async (ctx, _refund, { order }) => {
      if (order.status === 'refunded' && order.delivery.mode === 'pickup' && order.delivery.pickupCode)
        await freePickupCode(ctx, order.delivery.pickupCode);
    },
  },
];

/**
 * Carrying out an approved refund: 1. the lines are marked refunded on the order in one
 * transaction with the refund's final plan (restock only if nothing has shipped; the shipping
 * fee back on a full refund before shipping), and the order becomes `refunded` once every line
 * is; 2. WeChat Pay refunds the amount under the refund number; 3. stock goes back, the points
 * used on the lines come back to the buckets they came from, the points the lines earned are
 * clawed back, the coupons come back on a full refund, the qualifying spend drops by what the
 * lines paid, and a fully refunded pickup order frees its code. Approvals may run it at once
 * (no lease): every step is idempotent, and the last record is written once.
 */
const refundSteps = stepsRunner<RefundDoc, RefundEnv>({
  collection: 'refunds',
  start: 'pending',
  steps: REFUND_STEPS,
  done: 'done',
  running: { status: 'refunding' },
  isRunning: (refund) => refund.status === 'refunding',
  finish: (ctx) => ({ status: 'refunded', refundedAt: ctx.now }),
  finished: async (ctx, refund, { order }) => {
    await ctx.db.collection('orders').updateWhere(
      { _id: order._id },
      {
        timeline: ctx.db.command.push([
          {
            status: order.status === 'refunded' ? 'refunded' : 'lineRefunded',
            at: ctx.now,
            note: `退款成功 ¥${yuanText(refund.amountFen)}，已原路退回`,
          },
        ]),
        updatedAt: ctx.now,
      },
    );
  },
  lease: null,
  stillHeld: (refund) => refund,
  resume: async (ctx, refund) => ({ order: await loadOrder(ctx, refund.orderId) }),
  failure: null,
});

/**
 * Staff or an admin approve a refund, and it is carried out (see refundSteps); approving again
 * finishes one a crash or a failed WeChat Pay call cut short, repeating nothing.
 */
export async function approveRefund(
  ctx: RequestContext,
  { reviewer, refundId }: { reviewer: string; refundId: string },
): Promise<RefundDoc> {
  const refunds = ctx.db.collection('refunds');
  const refund = await loadRefund(ctx, refundId);
  if (refund.status === 'refunded') return refund;
  if (refund.status === 'rejected') throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
  let approved = refund;
  if (refund.status === 'requested') {
    const fields = { status: 'refunding' as const, reviewedBy: reviewer, reviewedAt: ctx.now, updatedAt: ctx.now };
    const taken = await refunds.updateWhere({ _id: refundId, status: 'requested' }, fields);
    if (taken === 1) approved = { ...refund, ...fields };
    else {
      approved = await loadRefund(ctx, refundId);
      // Rejected by someone else meanwhile: the rejection stands.
      if (approved.status === 'rejected') throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
      if (approved.status === 'refunded') return approved;
    }
  }
  // A payment whose effects a crash cut short is finished first, so the claw-back finds its points.
  const order = await loadOrder(ctx, refund.orderId);
  await finishPaymentEffects(ctx, order);
  return refundSteps.advance(ctx, approved, { order });
}

/**
 * Step 1 of a refund, in one transaction: fixes the refund's plan against the order as it is
 * now and marks its lines refunded. A line another refund already took makes this one rejected.
 * Once this refund's lines are marked, it answers the plan fixed then and changes nothing.
 */
async function markLinesRefunded(ctx: RequestContext, refundId: string): Promise<Partial<RefundDoc>> {
  const outcome = await runTransaction(ctx, async (tx) => {
    const refund = (await tx.collection('refunds').doc(refundId).get()).data as RefundDoc;
    const order = (await tx.collection('orders').doc(refund.orderId).get()).data as OrderDoc;
    const planOf = (doc: RefundDoc) => ({
      amountFen: doc.amountFen,
      pointsReturned: doc.pointsReturned,
      restock: doc.restock,
      couponPolicy: doc.couponPolicy,
    });
    if (order.lines.some((line) => line.refundId === refundId)) return { fixed: planOf(refund), clash: false };
    if (refund.status !== 'refunding')
      throw new CodedError('INVALID_STATE', refund.status === 'rejected' ? '该退款已驳回' : '该退款不在处理中', { status: refund.status });
    if (order.lines.some((line) => refund.lineIds.includes(line.lineId) && line.refundId !== null)) return { fixed: null, clash: true };
    const plan = planRefund(order, refund.lineIds);
    const lines = order.lines.map((line) => (refund.lineIds.includes(line.lineId) ? { ...line, refundId } : line));
    const everyLine = lines.every((line) => line.refundId !== null);
    const status = everyLine && canMove(order.status, 'refunded') ? 'refunded' : order.status;
    const note = everyLine ? `退款已同意 ¥${yuanText(plan.amountFen)}，订单全部退款` : `部分退款已同意 ¥${yuanText(plan.amountFen)}`;
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
    const fixed = planOf({ ...refund, ...plan });
    await tx
      .collection('refunds')
      .doc(refundId)
      .update({ data: { ...fixed, updatedAt: ctx.now } });
    return { fixed, clash: false };
  });
  if (outcome.clash || !outcome.fixed) {
    await ctx.db
      .collection('refunds')
      .updateWhere(
        { _id: refundId, status: 'refunding' },
        { status: 'rejected', reviewNote: '所选商品已在其他退款中退款', updatedAt: ctx.now },
      );
    throw new CodedError('INVALID_STATE', '所选商品已在其他退款中退款，本申请已驳回');
  }
  return outcome.fixed;
}
