import { toMyCoupon } from '~/core/coupons/coupon-views';
import type { CouponsResponses } from '~/types/functions/coupons';
import { loadMember } from '../members/get-profile';
import type { RequestContext } from '../runtime/wx';
import { loadOwnCoupon } from './load-own-coupon';

/** One of the caller's coupons, for its detail page; another member's coupon is NOT_FOUND. */
export async function getMyCoupon(openid: string, instanceId: string, ctx: RequestContext): Promise<CouponsResponses['getMine']> {
  const member = await loadMember(openid, ctx);
  return toMyCoupon(await loadOwnCoupon(instanceId, member._id, ctx), ctx.now);
}
