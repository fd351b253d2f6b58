import type { CouponInstanceDoc } from '~/types/coupons';
import type { EpochMs } from '~/types/units';

/** What an issued coupon is made from: who gets it under which key, what it does, and when it is valid. */
export type NewInstance = Pick<
  CouponInstanceDoc,
  | 'issueKey'
  | 'memberId'
  | 'templateId'
  | 'source'
  | 'title'
  | 'description'
  | 'terms'
  | 'stackingGroup'
  | 'validFrom'
  | 'validTo'
  | 'reason'
>;

/** A freshly issued coupon instance; its `_id` is its issue key, so a repeated grant finds it. */
export function newCouponInstance(fields: NewInstance, now: EpochMs): CouponInstanceDoc {
  return {
    _id: fields.issueKey,
    ...fields,
    status: 'issued',
    lockedBy: null,
    lockedAt: null,
    releasedBy: null,
    usedBy: null,
    usedAt: null,
    voidedAt: null,
    voidReason: null,
    voidedBy: null,
    issuedAt: now,
    updatedAt: now,
  };
}
