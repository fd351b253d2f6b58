import type { ErrorCode } from '~/types/errors';
import type { OrderDoc } from '~/types/orders';
import { releaseCoupon } from '../coupons/release-coupon';
import { refundSpentPoints } from '../points/refund-spent-points';
import type { RequestContext } from '../runtime/wx';
import { releaseOrderStock } from './sold-out';
import { CodedError, hasCode } from '~/core/coded-error';

/** The key of the points an order holds; its give-backs name it. */
export const orderSpendKey = (orderId: string) => `spend:order:${orderId}`;

/**
 * Gives back everything an order holds — its stock, its coupons and its points — each step
 * idempotent, so a retry after a crash finishes what the first run started. Used by a failed
 * placement, a cancel and the unpaid-order sweep.
 */
export async function releaseHolds(ctx: RequestContext, order: OrderDoc, reason: string): Promise<void> {
  await releaseOrderStock(ctx, order);
  for (const couponId of order.couponIds) {
    try {
      await releaseCoupon(ctx, { instanceId: couponId, memberId: order.memberId, orderId: order._id });
    } catch (error) {
      // Never locked by this order (its placement stopped before), or already given back.
      if (!hasCode(error, 'INVALID_STATE', 'NOT_FOUND')) throw error;
    }
  }
  if (order.pointsUsed > 0) {
    await refundSpentPoints(ctx, {
      memberId: order.memberId,
      key: `refund:${orderSpendKey(order._id)}`,
      spendKey: orderSpendKey(order._id),
      reason,
      ref: { type: 'order', id: order._id },
    });
  }
  await ctx.db.collection('orders').updateWhere({ _id: order._id, holdsReturned: false }, { holdsReturned: true, updatedAt: ctx.now });
}

/**
 * Ends a placement that cannot finish: records why (so a retry or the sweep knows), gives back
 * what it took, and marks it failed. Answers the error to throw to the caller.
 */
export async function failPlacement(ctx: RequestContext, order: OrderDoc, error: CodedError): Promise<CodedError> {
  const failure = { code: error.code, message: error.message };
  await ctx.db.collection('orders').updateWhere({ _id: order._id, status: 'placing', failure: null }, { failure, updatedAt: ctx.now });
  return finishFailedPlacement(ctx, { ...order, failure });
}

/** Finishes giving back a failed placement's holds, marks it failed, and answers its error. */
export async function finishFailedPlacement(ctx: RequestContext, order: OrderDoc): Promise<CodedError> {
  const failure = order.failure ?? { code: 'INTERNAL', message: '下单失败' };
  if (order.status === 'placing') {
    await releaseHolds(ctx, order, '下单未成功，退回积分');
    await ctx.db.collection('orders').updateWhere({ _id: order._id, status: 'placing' }, { status: 'failed', updatedAt: ctx.now });
  }
  return new CodedError(failure.code as ErrorCode, failure.message, { orderId: order._id });
}
