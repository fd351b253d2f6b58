import type { CouponInstanceDoc } from '~/types/coupons';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/** One of a member's coupons; another member's coupon is NOT_FOUND, exactly like a missing one, so ids reveal nothing. */
export async function loadOwnCoupon(instanceId: string, memberId: string, ctx: RequestContext): Promise<CouponInstanceDoc> {
  const coupon = await couponCollections(ctx).instances.get(instanceId);
  if (!coupon || coupon.memberId !== memberId) throw new AppError('NOT_FOUND', `no coupon ${instanceId}`);
  return coupon;
}
