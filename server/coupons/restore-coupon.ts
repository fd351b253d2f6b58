import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import type { OrderCouponRef } from './coupon-ref';
import { couponCollections } from './coupon-collections';
import { couponStateError, requireOrderId } from './coupon-state-error';
import { loadOwnCoupon } from './load-own-coupon';
import { moveTemplateDiscount } from './template-discount';

/**
 * Gives a used coupon back when its whole order is refunded (used → issued). Guarded on status
 * and `usedBy`, so only the order that used it can return it; it keeps its own window, so one
 * returned after its window reads as expired. Returning again answers the coupon as it is. The
 * discount it gave leaves its template's counter with it.
 */
export async function restoreCoupon(ctx: RequestContext, { instanceId, memberId, orderId }: OrderCouponRef): Promise<CouponInstanceDoc> {
  requireOrderId(orderId);
  const coupon = await loadOwnCoupon(ctx, { instanceId, memberId });
  const returnedByThisOrder = (doc: CouponInstanceDoc) => doc.releasedBy === orderId && doc.usedBy === null && doc.status !== 'used';
  if (returnedByThisOrder(coupon)) return coupon;
  const { instances } = couponCollections(ctx);
  const change = {
    status: 'issued' as const,
    lockedBy: null,
    lockedAt: null,
    usedBy: null,
    usedAt: null,
    releasedBy: orderId,
    updatedAt: ctx.now,
  };
  const updated = await instances.updateWhere(
    { _id: instanceId, memberId, status: 'used', usedBy: orderId },
    { ...change, discountFen: 0 },
  );
  if (updated === 1) {
    await moveTemplateDiscount(ctx, coupon.templateId, -(coupon.discountFen ?? 0));
    return { ...coupon, ...change, discountFen: 0 };
  }
  const current = (await instances.get(instanceId)) ?? coupon;
  if (returnedByThisOrder(current)) return current;
  throw couponStateError(current, 'restore', ctx.now);
}
