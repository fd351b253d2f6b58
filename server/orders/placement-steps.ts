import type { ErrorCode } from '~/types/errors';
import type { OrderDoc } from '~/types/orders';
import { lockCouponForOrder } from '../coupons/lock-coupon';
import { releaseCoupon } from '../coupons/release-coupon';
import type { Step } from '../db/steps';
import { stepsRunner } from '../db/steps';
import { refundSpentPoints } from '../points/refund-spent-points';
import { spendPoints } from '../points/spend-points';
import type { RequestContext } from '../runtime/wx';
import { markSoldOut, releaseOrderStock } from './sold-out';
import { holdStock } from './stock';
import { CodedError, hasCode } from '~/core/coded-error';

/** The key of the points an order holds; its give-backs name it. */
export const orderSpendKey = (orderId: string) => `spend:order:${orderId}`;

/**
 * How long one request owns a placement; a retry after it takes over. Longer than the orders
 * function's 20 s timeout, so a slow request that is still alive is never taken over.
 */
export const PLACEMENT_LEASE_MS = 25_000;
/** How long a retry waits for the request that owns the placement before answering it as it is. */
const WAIT_MS = 3_000;
/** What a retry hears while another request is still placing the order. */
const STILL_PLACING = '订单正在提交中，请稍后在订单列表查看';

const refusedBy = (codes: ErrorCode[]) => (error: unknown) => hasCode(error) && codes.includes(error.code);

/** Each hold is keyed by the order (a hold entry, `lockedBy`, the spend key), so none is recorded: a take-over takes them again. */
const STEPS: Step<OrderDoc, void>[] = [
  {
    name: 'stockHeld',
    record: false,
    take: async (ctx, order) => markSoldOut(ctx, await holdStock(ctx, order)),
    undo: (ctx, order) => releaseOrderStock(ctx, order),
  },
  {
    name: 'couponsLocked',
    record: false,
    take: async (ctx, order) => {
      for (const couponId of order.couponIds) {
        try {
          await lockCouponForOrder(ctx, { instanceId: couponId, memberId: order.memberId, orderId: order._id });
        } catch (error) {
          if (hasCode(error, 'INVALID_STATE', 'NOT_FOUND'))
            throw new CodedError('NOT_ELIGIBLE', '优惠券已被使用或已过期，请重新选择', { couponId });
          throw error;
        }
      }
    },
    undo: async (ctx, order) => {
      for (const couponId of order.couponIds) {
        try {
          await releaseCoupon(ctx, { instanceId: couponId, memberId: order.memberId, orderId: order._id });
        } catch (error) {
          // Never locked by this order (its placement stopped before), or already given back.
          if (!hasCode(error, 'INVALID_STATE', 'NOT_FOUND')) throw error;
        }
      }
    },
  },
  {
    name: 'pointsHeld',
    record: false,
    take: async (ctx, order) => {
      if (order.pointsUsed <= 0) return;
      try {
        await spendPoints(ctx, {
          memberId: order.memberId,
          key: orderSpendKey(order._id),
          points: order.pointsUsed,
          reason: `订单抵扣：${order.orderNo}`,
          ref: { type: 'order', id: order._id },
        });
      } catch (error) {
        if (refusedBy(['INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE'])(error))
          throw new CodedError((error as CodedError).code, '积分余额已变化，请重新确认订单');
        throw error;
      }
    },
    undo: async (ctx, order) => {
      if (order.pointsUsed <= 0) return;
      await refundSpentPoints(ctx, {
        memberId: order.memberId,
        key: `refund:${orderSpendKey(order._id)}`,
        spendKey: orderSpendKey(order._id),
        reason: order.status === 'placing' ? '下单未成功，退回积分' : '订单取消，退回积分',
        ref: { type: 'order', id: order._id },
      });
    },
  },
];

/**
 * Placing an order: hold its stock (all lines), lock its coupons, spend its points, then open it
 * for payment. A step that cannot be taken records why on the order (`failure`), gives back what
 * the earlier ones took, and the order ends `failed`; a retry waits for the request placing it,
 * and one whose request died takes over where it stopped.
 */
export const placement = stepsRunner<OrderDoc, void>({
  collection: 'orders',
  start: 'created',
  steps: STEPS,
  done: 'pointsHeld',
  running: { status: 'placing', failure: null },
  isRunning: (order) => order.status === 'placing' && order.failure === null,
  finish: (ctx) => ({ status: 'pendingPayment', timeline: [{ status: 'pendingPayment', at: ctx.now, note: '订单已提交，等待付款' }] }),
  lease: { ms: PLACEMENT_LEASE_MS, waitMs: WAIT_MS },
  stillHeld: () => {
    throw new CodedError('CONFLICT', STILL_PLACING);
  },
  resume: async () => undefined,
  failure: {
    refusal: (error) =>
      refusedBy(['OUT_OF_STOCK', 'NOT_ELIGIBLE', 'INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE'])(error) ? (error as CodedError) : null,
    failing: (refusal) => ({ failure: { code: refusal.code, message: refusal.message } }),
    isFailing: (order) => order.status === 'placing' && order.failure !== null,
    failingQuery: { status: 'placing' },
    failed: { status: 'failed', holdsReturned: true },
    isFailed: (order) => order.status === 'failed',
    errorOf: (order) => {
      const failure = order.failure ?? { code: 'INTERNAL', message: '下单失败' };
      return new CodedError(failure.code as ErrorCode, failure.message, { orderId: order._id });
    },
  },
});

/** Ends a placement that cannot finish (the sweep's, for one whose request died): gives back what it took; answers the error. */
export const failPlacement = (ctx: RequestContext, order: OrderDoc, error: CodedError) => placement.fail(ctx, order, error);

/** Finishes giving back a failed placement's holds, marks it failed, and answers its error. */
export const finishFailedPlacement = (ctx: RequestContext, order: OrderDoc) => placement.finishFailure(ctx, order);

/**
 * Gives back everything an unpaid order holds — its points, its coupons and its stock — each
 * idempotent, so a retry after a crash finishes what the first run started; then marks the
 * holds returned. Used by a cancel and the unpaid-order sweep.
 */
export async function releaseHolds(ctx: RequestContext, order: OrderDoc): Promise<void> {
  await placement.giveBack(ctx, order, true);
  await ctx.db.collection('orders').updateWhere({ _id: order._id, holdsReturned: false }, { holdsReturned: true, updatedAt: ctx.now });
}
