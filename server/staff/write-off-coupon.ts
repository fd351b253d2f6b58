import { toMyCoupon } from '~/core/coupons/coupon-views';
import { CodedError } from '~/core/coded-error';
import type { StaffResponses } from '~/types/functions/staff';
import type { StaffDoc } from '~/types/staff';
import { writeAudit } from '../audit/write-audit';
import { writeOffCouponInstance } from '../coupons/write-off-coupon-instance';
import type { RequestContext } from '../runtime/wx';
import { loadTillSession } from './load-till-session';
import { staffActor } from './require-staff';

/**
 * Writes off (核销) one of the session member's coupons at the till, attributed to the store and
 * staff member. The coupon is used by the session, so a retry from this till answers it as
 * written off, while a second till writing it off at the same time is refused.
 */
export async function writeOffCoupon(
  ctx: RequestContext,
  staff: StaffDoc,
  input: { sessionId: string; instanceId: string },
): Promise<StaffResponses['writeOffCoupon']> {
  const session = await loadTillSession(ctx, staff, input.sessionId);
  const found = await ctx.db.collection('coupon_instances').get(input.instanceId);
  if (!found || found.memberId !== session.memberId) throw new CodedError('NOT_FOUND', '该会员没有这张优惠券');
  if (found.terms.kind === 'shipping') throw new CodedError('NOT_ELIGIBLE', '运费券不能在门店核销');
  const usedBy = `writeoff:${session._id}`;
  const coupon = await writeOffCouponInstance(ctx, { instanceId: found._id, memberId: session.memberId, usedBy, known: found });
  await writeAudit(ctx, {
    _id: `audit:writeoff:${coupon._id}`,
    actor: staffActor(staff),
    action: 'writeOffCoupon',
    target: { type: 'coupon', id: coupon._id },
    memberId: session.memberId,
    before: { status: found.status },
    after: { status: 'used', usedBy, title: coupon.title },
  });
  return { coupon: toMyCoupon(coupon, ctx.now), writtenOffAt: coupon.usedAt ?? ctx.now };
}
