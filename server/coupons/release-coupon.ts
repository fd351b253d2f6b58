import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import type { OrderCouponRef } from './coupon-ref';
import { couponCollections } from './coupon-collections';
import { couponStateError, requireOrderId } from './coupon-state-error';
import { loadOwnCoupon } from './load-own-coupon';

/**
 * Gives a coupon back when its order is cancelled or times out unpaid (locked → issued).
 * Guarded on status and `lockedBy`, so an order can only release what it holds; the coupon
 * keeps its original window, so one released after its window reads as expired. Releasing
 * again for the order that released it last answers the coupon as it is; anything else
 * (never held by this order, or already used by it) is INVALID_STATE.
 */
export async function releaseCoupon(ctx: RequestContext, { instanceId, memberId, orderId }: OrderCouponRef): Promise<CouponInstanceDoc> {
  requireOrderId(orderId);
  const coupon = await loadOwnCoupon(ctx, { instanceId, memberId });
  const { instances } = couponCollections(ctx);
  // `lockedBy` stays set once used, so this also refuses a coupon this order has used.
  const releasedByThisOrder = (doc: CouponInstanceDoc) => doc.releasedBy === orderId && doc.lockedBy !== orderId;
  if (releasedByThisOrder(coupon)) return coupon;
  const change = { status: 'issued' as const, lockedBy: null, lockedAt: null, releasedBy: orderId, updatedAt: ctx.now };
  const updated = await instances.updateWhere({ _id: instanceId, memberId, status: 'locked', lockedBy: orderId }, change);
  if (updated === 1) return { ...coupon, ...change };
  const current = (await instances.get(instanceId)) ?? coupon;
  if (releasedByThisOrder(current)) return current;
  throw couponStateError(current, 'release', ctx.now);
}
