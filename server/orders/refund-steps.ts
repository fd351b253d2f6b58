import { canMove } from '~/core/orders/order-machine';
import { planRefund, previewRefund, refundKindOf } from '~/core/orders/refund-plan';
import type { OrderDoc, RefundDoc, RefundPreview } from '~/types/orders';
import type { Fen } from '~/types/units';
import type { AuditActor } from '~/types/staff';
import type { TokenClaims } from '~/server/admin/credentials';
import { CodedError, hasCode } from '~/core/coded-error';
import { yuanText } from '~/core/money/format';
import type { Step } from '../db/steps';
import { stepsRunner } from '../db/steps';
import { runTransaction } from '../db/run-transaction';
import { writeAudit } from '../audit/write-audit';
import { restoreCoupon } from '../coupons/restore-coupon';
import { clawbackOrderPoints } from '../points/clawback-order-points';
import { refundSpentPoints } from '../points/refund-spent-points';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { recordQualifyingSpend } from '../tiers/qualifying-spend';
import { finishPaymentEffects } from './apply-payment';
import { loadOrder } from './load-order';
import { freePickupCode } from './pickup-code';
import { orderSpendKey } from './placement-steps';
import { restockRefundedLines } from './sold-out';
import { refund as refundPayment, succeeded } from './wechat-pay';

/**
 * Who pays a refund back, and the amount they saw in its preview. No admin: a retry of a refund
 * already taken (its lines marked and its audit written by the approval), by the retry job or
 * WeChat Pay's result notification.
 */
export interface PayBackDecision {
  admin: TokenClaims | null;
  expectedFen: Fen;
}

/**
 * What the refund's steps work on: the order as its lines step left it, the decision being
 * carried out, and whether WeChat Pay already said the refund succeeded (its notification), so
 * it is not asked again.
 */
interface RefundEnv {
  order: OrderDoc;
  decision: PayBackDecision;
  confirmed?: boolean;
}

/** The audit actor of a retry, for the one entry an approval cut short before writing it. */
const retryActor = (refund: RefundDoc): AuditActor => ({
  kind: 'admin',
  id: refund.reviewedBy ?? 'system',
  name: refund.reviewedBy ?? 'system',
  role: 'retry',
  storeId: null,
});

/** What approving the refund would do now, from the order as it is and the points its lines earned. */
export async function refundPreviewOf(ctx: RequestContext, refund: RefundDoc, order: OrderDoc): Promise<RefundPreview> {
  const earn = await ctx.db.collection('ledger_entries').get(`earn:order:${order._id}`);
  return previewRefund(order, refund, earn?.snapshot);
}

/** The refusal of an approval made for an amount that is no longer what would be paid back. */
export function priceChanged(preview: RefundPreview): CodedError {
  return new CodedError('PRICE_CHANGED', `退款金额已变为 ¥${yuanText(preview.amountFen)}，请确认后重新审核`, { preview });
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
      const fixed = await markLinesRefunded(ctx, refund._id, env.decision);
      env.order = await loadOrder(ctx, refund.orderId);
      const returned = refundKindOf(refund) === 'returnAndRefund';
      // Keyed by the refund: the one decision to pay it back, written once whoever finishes it.
      await writeAudit(ctx, {
        _id: `audit:refund:${refund._id}:payBack`,
        actor: env.decision.admin ? adminActor(env.decision.admin) : retryActor(refund),
        action: returned ? 'confirmReturnReceived' : 'approveRefund',
        target: { type: 'refund', id: refund._id },
        memberId: refund.memberId,
        amounts: { amountFen: fixed.amountFen },
        before: { status: returned ? 'awaitingReturn' : 'requested' },
        after: {
          status: 'refunding',
          amountFen: fixed.amountFen,
          pointsReturned: fixed.pointsReturned,
          restock: fixed.restock,
          couponPolicy: fixed.couponPolicy,
        },
      });
      return fixed;
    },
  },
  {
    name: 'paidBack',
    record: false,
    take: async (ctx, refund, { order, confirmed }) => {
      if (refund.amountFen <= 0 || confirmed) return;
      let failure: string;
      try {
        // The same refund number never pays out twice.
        const reply = await refundPayment({
          outTradeNo: order.orderNo,
          outRefundNo: refund.refundNo,
          totalFee: order.payableFen,
          refundFee: refund.amountFen,
        });
        if (succeeded(reply) || alreadyRefunded(reply)) return;
        failure = reply.errCodeDes ?? reply.returnMsg ?? String(reply.errCode ?? '请稍后重试');
      } catch (error) {
        failure = (error as Error).message;
      }
      await recordPayBackFailure(ctx, refund._id, failure);
      throw new CodedError('PAYMENT_FAILED', `微信退款失败：${failure}，系统将自动重试，也可再次审核通过以重试`);
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
 * Carrying out a refund that is paid back: 1. in one transaction the refund is taken
 * (requested, or for 退货退款 awaitingReturn, → refunding) for the amount the admin saw, with its
 * final plan (restock if nothing has shipped or the goods came back; the shipping fee back on a
 * full refund before shipping), and its lines are marked refunded on the order, which becomes
 * `refunded` once every line is; 2. WeChat Pay refunds the amount under the refund number;
 * 3. stock goes back, the points used on the lines come back to the buckets they came from, the
 * points the lines earned are clawed back, the coupons come back on a full refund, the
 * qualifying spend drops by what the lines paid, and a fully refunded pickup order frees its
 * code. Approvals may run it at once (no lease): every step is idempotent, and the last record
 * is written once.
 */
const refundSteps = stepsRunner<RefundDoc, RefundEnv>({
  collection: 'refunds',
  start: 'pending',
  steps: REFUND_STEPS,
  done: 'done',
  running: { status: 'refunding' },
  isRunning: (refund) => refund.status === 'refunding',
  // A person's flag for retries that ran out is settled by the refund going through; WeChat Pay's own abnormal result stays.
  finish: (ctx, refund) => ({
    status: 'refunded',
    refundedAt: ctx.now,
    abnormal: refund.abnormal?.source === 'wechat' ? refund.abnormal : null,
  }),
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
  resume: async () => {
    throw new CodedError('INTERNAL', 'refunds are carried out by an approval, never taken over');
  },
  failure: null,
});

/**
 * Pays a refund back for the amount the admin saw (see refundSteps): refused with PRICE_CHANGED
 * and the new preview, changing nothing, when that is no longer what it would pay. Again after a
 * crash or a failed WeChat Pay call, it finishes the refund and repeats nothing.
 */
export async function payBackRefund(ctx: RequestContext, refund: RefundDoc, decision: PayBackDecision): Promise<RefundDoc> {
  const order = await loadOrder(ctx, refund.orderId);
  // A payment whose effects a crash cut short is finished first, so the claw-back finds its points.
  await finishPaymentEffects(ctx, order);
  // Lines another refund took cannot be previewed; the lines step then turns this refund down.
  const preview = await refundPreviewOf(ctx, refund, order).catch((error: unknown) => {
    if (hasCode(error, 'INVALID_STATE')) return null;
    throw error;
  });
  if (preview && preview.amountFen !== decision.expectedFen) throw priceChanged(preview);
  return refundSteps.advance(ctx, refund, { order, decision });
}

/**
 * Resumes a refund already taken (refunding, its lines marked) without an admin: the retry job,
 * or WeChat Pay's notification that it succeeded (`confirmed`: not asked again). Its amount is the
 * one fixed when it was taken.
 */
export async function resumeRefund(ctx: RequestContext, refund: RefundDoc, { confirmed = false } = {}): Promise<RefundDoc> {
  const order = await loadOrder(ctx, refund.orderId);
  await finishPaymentEffects(ctx, order);
  return refundSteps.advance(ctx, refund, { order, decision: { admin: null, expectedFen: refund.amountFen }, confirmed });
}

/**
 * WeChat Pay answers a repeated refund number with the refund it already took; a refund it says
 * is already paid back in full counts as done too (the SDK hides the code, so the words tell).
 */
const alreadyRefunded = (reply: { errCodeDes?: string }) => /已全额退款|已退款|already refunded/i.test(reply.errCodeDes ?? '');

/** Counts a failed WeChat Pay call on a refund being paid back, with its error, for the retry job and the admin page. */
async function recordPayBackFailure(ctx: RequestContext, refundId: string, error: string): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection('refunds')
    .updateWhere(
      { _id: refundId, status: 'refunding' },
      { 'payBack.failedAttempts': _.inc(1), 'payBack.lastError': error.slice(0, 200), 'payBack.lastFailedAt': ctx.now, updatedAt: ctx.now },
    );
}

const STATUS_REFUSAL: Partial<Record<RefundDoc['status'], string>> = {
  rejected: '该退款已驳回',
  requested: '请先同意退货申请，收到退货后再确认退款',
  awaitingReturn: '该退款正在等待买家退货，收到退货后请确认收货并退款',
};

/**
 * Step 1 of a refund, in one transaction: takes the refund (→ refunding) with its plan fixed
 * against the order as it is now, and marks its lines refunded. A plan whose amount is not the
 * one the admin saw changes nothing and is refused with the new preview; a line another refund
 * already took makes this one rejected. Once this refund's lines are marked, it answers the plan
 * fixed then and changes nothing.
 */
async function markLinesRefunded(ctx: RequestContext, refundId: string, decision: PayBackDecision): Promise<Partial<RefundDoc>> {
  const outcome = await runTransaction(ctx, async (tx) => {
    const refund = (await tx.collection('refunds').doc(refundId).get()).data as RefundDoc;
    const order = (await tx.collection('orders').doc(refund.orderId).get()).data as OrderDoc;
    const planOf = (doc: RefundDoc): Partial<RefundDoc> => ({
      status: 'refunding',
      amountFen: doc.amountFen,
      pointsReturned: doc.pointsReturned,
      restock: doc.restock,
      couponPolicy: doc.couponPolicy,
    });
    if (order.lines.some((line) => line.refundId === refundId)) return { fixed: planOf(refund), clash: false, stale: false };
    const kind = refundKindOf(refund);
    const from = kind === 'returnAndRefund' ? 'awaitingReturn' : 'requested';
    // `refunding` without its lines marked: taken by an approval made before taking and marking were one step.
    if (refund.status !== from && refund.status !== 'refunding')
      throw new CodedError('INVALID_STATE', STATUS_REFUSAL[refund.status] ?? '该退款不在处理中', { status: refund.status });
    if (order.lines.some((line) => refund.lineIds.includes(line.lineId) && line.refundId !== null))
      return { fixed: null, clash: true, stale: false };
    const plan = planRefund(order, refund.lineIds, kind);
    if (plan.amountFen !== decision.expectedFen) return { fixed: null, clash: false, stale: true };
    const lines = order.lines.map((line) => (refund.lineIds.includes(line.lineId) ? { ...line, refundId } : line));
    const everyLine = lines.every((line) => line.refundId !== null);
    const status = everyLine && canMove(order.status, 'refunded') ? 'refunded' : order.status;
    const amount = `¥${yuanText(plan.amountFen)}`;
    const event =
      kind === 'returnAndRefund'
        ? { status: 'returnReceived' as const, note: `商家已收到退货，退款 ${amount}` }
        : { status: 'refundApproved' as const, note: everyLine ? `退款已同意 ${amount}，订单全部退款` : `部分退款已同意 ${amount}` };
    await tx
      .collection('orders')
      .doc(order._id)
      .update({
        data: {
          lines,
          status,
          refundedFen: order.refundedFen + plan.amountFen,
          refundedPoints: order.refundedPoints + plan.pointsReturned,
          timeline: [...order.timeline, { ...event, at: ctx.now }],
          updatedAt: ctx.now,
        },
      });
    const review =
      refund.status === 'requested'
        ? { reviewedBy: decision.admin?.sub ?? null, reviewedAt: ctx.now }
        : refund.status === 'awaitingReturn'
          ? { returnReceivedAt: ctx.now }
          : {};
    const fixed = { ...planOf({ ...refund, ...plan }), ...review };
    await tx
      .collection('refunds')
      .doc(refundId)
      .update({ data: { ...fixed, updatedAt: ctx.now } });
    return { fixed, clash: false, stale: false };
  });
  if (outcome.stale) {
    const refund = (await ctx.db.collection('refunds').get(refundId)) as RefundDoc;
    throw priceChanged(await refundPreviewOf(ctx, refund, await loadOrder(ctx, refund.orderId)));
  }
  if (outcome.clash || !outcome.fixed) {
    await ctx.db
      .collection('refunds')
      .updateWhere(
        { _id: refundId, status: ctx.db.command.in(['requested', 'awaitingReturn', 'refunding']) },
        { status: 'rejected', reviewNote: '所选商品已在其他退款中退款', updatedAt: ctx.now },
      );
    throw new CodedError('INVALID_STATE', '所选商品已在其他退款中退款，本申请已驳回');
  }
  return outcome.fixed;
}
