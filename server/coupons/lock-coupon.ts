import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import type { OrderCouponRef } from './coupon-ref';
import { couponCollections } from './coupon-collections';
import { couponStateError, requireOrderId } from './coupon-state-error';
import { loadOwnCoupon } from './load-own-coupon';

const lockChange = (orderId: string, now: number) => ({ status: 'locked' as const, lockedBy: orderId, lockedAt: now, updatedAt: now });

/** The guarded issued → locked update; answers whether it took. */
async function takeLock(instanceId: string, memberId: string, orderId: string, ctx: RequestContext): Promise<boolean> {
  const _ = ctx.db.command;
  const updated = await couponCollections(ctx).instances.updateWhere(
    // An order that already released the coupon (cancelled) cannot lock it again by a late retry.
    { _id: instanceId, memberId, status: 'issued', releasedBy: _.neq(orderId), validFrom: _.lte(ctx.now), validTo: _.gte(ctx.now) },
    lockChange(orderId, ctx.now),
  );
  return updated === 1;
}

/** After a lock that did not take: the coupon when this order holds it already, else why not. */
async function lockedBy(instanceId: string, memberId: string, orderId: string, ctx: RequestContext, seen?: CouponInstanceDoc) {
  const current = (await couponCollections(ctx).instances.get(instanceId)) ?? seen;
  if (!current || current.memberId !== memberId) return loadOwnCoupon(ctx, { instanceId, memberId });
  if (current.status === 'locked' && current.lockedBy === orderId) return current;
  throw couponStateError(current, 'lock', ctx.now);
}

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
  if (await takeLock(instanceId, memberId, orderId, ctx)) return { ...coupon, ...lockChange(orderId, ctx.now) };
  return lockedBy(instanceId, memberId, orderId, ctx, coupon);
}

/**
 * Locks a coupon for a placing order without reading it first (the placement priced it a moment
 * ago): the guarded update alone decides, and the coupon is read only when it did not take, to
 * tell a repeat of this order's lock from a refusal. Same answers as lockCoupon, without the coupon.
 */
export async function lockCouponForOrder(
  ctx: RequestContext,
  input: { instanceId: string; memberId: string; orderId: string },
): Promise<void> {
  requireOrderId(input.orderId);
  if (await takeLock(input.instanceId, input.memberId, input.orderId, ctx)) return;
  await lockedBy(input.instanceId, input.memberId, input.orderId, ctx);
}
