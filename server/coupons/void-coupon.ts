import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import { couponStateError } from './coupon-state-error';
import { CodedError } from '~/core/coded-error';

/**
 * An admin voids a member's coupon (issued → voided), with a reason kept for the audit.
 * Guarded on `issued`, so a coupon an order holds or has used is never voided under it.
 * Voiding a voided coupon answers it as it is; other states are INVALID_STATE.
 */
export async function voidCoupon(
  ctx: RequestContext,
  input: { instanceId: string; reason: string },
  adminUsername: string,
): Promise<CouponInstanceDoc> {
  const { instances } = couponCollections(ctx);
  const coupon = await instances.get(input.instanceId);
  if (!coupon) throw new CodedError('NOT_FOUND', `no coupon ${input.instanceId}`);
  if (coupon.status === 'voided') return coupon;
  const change = { status: 'voided' as const, voidedAt: ctx.now, voidReason: input.reason, voidedBy: adminUsername, updatedAt: ctx.now };
  const updated = await instances.updateWhere({ _id: input.instanceId, status: 'issued' }, change);
  if (updated === 1) return { ...coupon, ...change };
  const current = (await instances.get(input.instanceId)) ?? coupon;
  if (current.status === 'voided') return current;
  throw couponStateError(current, 'void', ctx.now);
}
