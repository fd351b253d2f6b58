import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import type { CouponRef } from './coupon-ref';
import { couponCollections } from './coupon-collections';
import { CodedError } from '~/core/coded-error';

/** One of a member's coupons; another member's coupon is NOT_FOUND, exactly like a missing one, so ids reveal nothing. */
export async function loadOwnCoupon(ctx: RequestContext, { instanceId, memberId }: CouponRef): Promise<CouponInstanceDoc> {
  const coupon = await couponCollections(ctx).instances.get(instanceId);
  if (!coupon || coupon.memberId !== memberId) throw new CodedError('NOT_FOUND', `no coupon ${instanceId}`);
  return coupon;
}
