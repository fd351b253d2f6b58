import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import type { OrderCouponRef } from './coupon-ref';
import { couponCollections } from './coupon-collections';
import { couponStateError, requireOrderId } from './coupon-state-error';
import { loadOwnCoupon } from './load-own-coupon';
import { moveTemplateDiscount } from './template-discount';

/**
 * Marks a coupon used by the order that locked it, when the order is paid (locked → used).
 * Guarded on status and `lockedBy`, so only the holding order can use it; a locked coupon
 * is used even past its window, as the order took it in time. Using again for the same order
 * answers the coupon as it is; anything else is INVALID_STATE.
 */
export async function useCoupon(
  ctx: RequestContext,
  { instanceId, memberId, orderId }: OrderCouponRef,
  discountFen = 0,
): Promise<CouponInstanceDoc> {
  requireOrderId(orderId);
  const coupon = await loadOwnCoupon(ctx, { instanceId, memberId });
  if (coupon.status === 'used' && coupon.usedBy === orderId) return coupon;
  const { instances } = couponCollections(ctx);
  const change = { status: 'used' as const, usedBy: orderId, usedAt: ctx.now, discountFen, updatedAt: ctx.now };
  const updated = await instances.updateWhere({ _id: instanceId, memberId, status: 'locked', lockedBy: orderId }, change);
  if (updated === 1) {
    await moveTemplateDiscount(ctx, coupon.templateId, discountFen);
    return { ...coupon, ...change };
  }
  const current = (await instances.get(instanceId)) ?? coupon;
  if (current.status === 'used' && current.usedBy === orderId) return current;
  throw couponStateError(current, 'use', ctx.now);
}
