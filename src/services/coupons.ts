import type { CouponsResponses } from '~/types/functions/coupons';
import { callFunction } from './cloud';

/** The status tabs of "my coupons". */
export type MyCouponStatus = 'usable' | 'used' | 'expired';

/** Coupons the member can claim, with why not when they cannot. */
export function listCentre(): Promise<CouponsResponses['listCentre']> {
  return callFunction('coupons', 'listCentre', {});
}

/** Claims one coupon; a retry with the same `clientKey` gets the first answer. */
export function claimCoupon(templateId: string, clientKey: string): Promise<CouponsResponses['claim']> {
  return callFunction('coupons', 'claim', { templateId, clientKey });
}

/** One page of the member's coupons in one status. */
export function listMine(status: MyCouponStatus, cursor?: string, pageSize = 20): Promise<CouponsResponses['listMine']> {
  return callFunction('coupons', 'listMine', cursor ? { status, cursor, pageSize } : { status, pageSize });
}

/** One of the member's coupons, as 我的优惠券 shows it (its 去使用 page reads it). */
export function getMine(instanceId: string): Promise<CouponsResponses['getMine']> {
  return callFunction('coupons', 'getMine', { instanceId });
}
