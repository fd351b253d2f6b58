import type { CouponInstanceDoc } from '~/types/coupons';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { couponCollections } from './coupon-collections';
import { couponStateError } from './coupon-state-error';
import { CodedError } from '~/core/coded-error';

/**
 * An admin voids a member's coupon (issued → voided), with a reason kept for the audit.
 * Guarded on `issued`, so a coupon an order holds or has used is never voided under it.
 * Voiding a voided coupon answers it as it is; other states are INVALID_STATE. The audit entry
 * is keyed by the coupon, which is voided once: the admin who voided it writes it, again
 * harmlessly when they retry after a failure in between.
 */
export async function voidCoupon(
  ctx: RequestContext,
  input: { instanceId: string; reason: string },
  admin: TokenClaims,
): Promise<CouponInstanceDoc> {
  const { instances } = couponCollections(ctx);
  const coupon = await instances.get(input.instanceId);
  if (!coupon) throw new CodedError('NOT_FOUND', `no coupon ${input.instanceId}`);
  const audit = (voided: CouponInstanceDoc) =>
    writeAudit(ctx, {
      _id: `audit:voidCoupon:${voided._id}`,
      actor: adminActor(admin),
      action: 'voidCoupon',
      target: { type: 'coupon', id: voided._id },
      memberId: voided.memberId,
      before: { status: 'issued' },
      after: { status: 'voided', reason: voided.voidReason },
    });
  if (coupon.status === 'voided') {
    if (coupon.voidedBy === admin.sub) await audit(coupon);
    return coupon;
  }
  const change = { status: 'voided' as const, voidedAt: ctx.now, voidReason: input.reason, voidedBy: admin.sub, updatedAt: ctx.now };
  const updated = await instances.updateWhere({ _id: input.instanceId, status: 'issued' }, change);
  if (updated === 1) {
    const voided = { ...coupon, ...change };
    await audit(voided);
    return voided;
  }
  const current = (await instances.get(input.instanceId)) ?? coupon;
  if (current.status === 'voided') return current;
  throw couponStateError(current, 'void', ctx.now);
}
