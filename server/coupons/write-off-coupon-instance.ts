import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import { couponStateError } from './coupon-state-error';
import { loadOwnCoupon } from './load-own-coupon';

/**
 * Uses a member's coupon at the till (issued → used), for `usedBy` (a sale or a write-off).
 * One guarded update on an issued coupon inside its window, so two tills writing off one coupon
 * at once use it once; writing off again for the same `usedBy` answers the coupon as it is.
 */
export async function writeOffCouponInstance(
  ctx: RequestContext,
  input: { instanceId: string; memberId: string; usedBy: string; known?: CouponInstanceDoc },
): Promise<CouponInstanceDoc> {
  const { instances } = couponCollections(ctx);
  const _ = ctx.db.command;
  const change = { status: 'used' as const, usedBy: input.usedBy, usedAt: ctx.now, updatedAt: ctx.now };
  const updated = await instances.updateWhere(
    { _id: input.instanceId, memberId: input.memberId, status: 'issued', validFrom: _.lte(ctx.now), validTo: _.gte(ctx.now) },
    change,
  );
  if (updated === 1 && input.known) return { ...input.known, ...change };
  const current = await loadOwnCoupon(ctx, { instanceId: input.instanceId, memberId: input.memberId });
  if (updated === 1 || (current.status === 'used' && current.usedBy === input.usedBy)) return current;
  throw couponStateError(current, 'use', ctx.now);
}
