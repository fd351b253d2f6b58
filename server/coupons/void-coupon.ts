import type { CouponInstanceDoc } from '~/types/coupons';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { couponCollections } from './coupon-collections';
import { couponStateError } from './coupon-state-error';
import { CodedError } from '~/core/coded-error';

/**
 * An admin voids a member's coupon (issued → voided), with a reason kept for the audit, in one
 * transaction with its audit entry. Guarded on `issued`, so a coupon an order holds or has used
 * is never voided under it. Voiding a voided coupon answers it as it is and writes no second
 * entry; other states are INVALID_STATE.
 */
export async function voidCoupon(
  ctx: RequestContext,
  input: { instanceId: string; reason: string },
  admin: TokenClaims,
): Promise<CouponInstanceDoc> {
  const { instances } = couponCollections(ctx);
  const coupon = await instances.get(input.instanceId);
  if (!coupon) throw new CodedError('NOT_FOUND', `no coupon ${input.instanceId}`);
  if (coupon.status === 'voided') return coupon;
  const voided = await updateWithAudit(ctx, {
    collection: 'coupon_instances',
    id: coupon._id,
    expected: (now) => now.status === 'issued',
    change: { status: 'voided' as const, voidedAt: ctx.now, voidReason: input.reason, voidedBy: admin.sub, updatedAt: ctx.now },
    audit: (before) => ({
      _id: `audit:voidCoupon:${before._id}`,
      actor: adminActor(admin),
      action: 'voidCoupon',
      target: { type: 'coupon', id: before._id },
      memberId: before.memberId,
      before: { status: 'issued' },
      after: { status: 'voided', reason: input.reason },
    }),
  });
  if (voided) return voided;
  const current = (await instances.get(input.instanceId)) ?? coupon;
  if (current.status === 'voided') return current;
  throw couponStateError(current, 'void', ctx.now);
}
