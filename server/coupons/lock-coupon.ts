import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import type { OrderCouponRef } from './coupon-ref';
import { couponCollections } from './coupon-collections';
import { couponStateError, requireOrderId } from './coupon-state-error';
import { loadOwnCoupon } from './load-own-coupon';

/**
 * Locks a member's coupon to an order at checkout (issued → locked). The guarded update only
 * matches an issued coupon inside its window, so two orders racing for one coupon cannot
 * both lock it. Locking again for the same order answers the coupon as it is; anything else
 * is INVALID_STATE (details.state says why), and another member's coupon is NOT_FOUND.
 */
export async function lockCoupon(ctx: RequestContext, { instanceId, memberId, orderId }: OrderCouponRef): Promise<CouponInstanceDoc> {
  requireOrderId(orderId);
  const coupon = await loadOwnCoupon(ctx, { instanceId, memberId });
  if (coupon.status === 'locked' && coupon.lockedBy === orderId) return coupon;
  const _ = ctx.db.command;
  const { instances } = couponCollections(ctx);
  const change = { status: 'locked' as const, lockedBy: orderId, lockedAt: ctx.now, updatedAt: ctx.now };
  const updated = await instances.updateWhere(
    // An order that already released the coupon (cancelled) cannot lock it again by a late retry.
    { _id: instanceId, memberId, status: 'issued', releasedBy: _.neq(orderId), validFrom: _.lte(ctx.now), validTo: _.gte(ctx.now) },
    change,
  );
  if (updated === 1) return { ...coupon, ...change };
  const current = (await instances.get(instanceId)) ?? coupon;
  if (current.status === 'locked' && current.lockedBy === orderId) return current;
  throw couponStateError(current, 'lock', ctx.now);
}
