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
