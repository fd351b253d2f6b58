import { toMyCoupon } from '~/core/coupons/coupon-views';
import type { CouponsResponses } from '~/types/functions/coupons';
import { loadMember } from '../members/get-profile';
import type { RequestContext } from '../runtime/wx';
import { loadOwnCoupon } from './load-own-coupon';

/** One of the caller's coupons, for its detail page; another member's coupon is NOT_FOUND. */
export async function getMyCoupon(
  ctx: RequestContext,
  { openid, instanceId }: { openid: string; instanceId: string },
): Promise<CouponsResponses['getMine']> {
  const member = await loadMember(ctx, openid);
  return toMyCoupon(await loadOwnCoupon(ctx, { instanceId, memberId: member._id }), ctx.now);
}
