import { toMyCoupon } from '~/core/coupons/coupon-views';
import type { CouponsResponses } from '~/types/functions/coupons';
import type { Raw } from '../db/cloud';
import { keysetPage } from '../db/keyset-page';
import { loadMember } from '../members/get-profile';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

export type CouponBucket = 'usable' | 'used' | 'expired';

/** Each wallet tab's order: what expires soonest first, the latest used first, the latest expired first. */
const ORDER: Record<CouponBucket, { field: 'validTo' | 'usedAt'; direction: 'asc' | 'desc' }> = {
  usable: { field: 'validTo', direction: 'asc' },
  used: { field: 'usedAt', direction: 'desc' },
  expired: { field: 'validTo', direction: 'desc' },
};

/**
 * Which stored coupons fall in a wallet tab at `now`. The stored status lags the clock, so
 * `issued` coupons are split by their window: still open (or not yet started) is usable,
 * past is expired. Locked coupons stay under usable: an unpaid order holds them and may
 * release them. Voided coupons show under expired (已作废).
 */
export function bucketQuery(bucket: CouponBucket, memberId: string, now: number, _: Raw): Record<string, unknown> {
  switch (bucket) {
    case 'usable':
      return _.or([
        { memberId, status: 'issued', validTo: _.gte(now) },
        { memberId, status: 'locked' },
      ]);
    case 'used':
      return { memberId, status: 'used' };
    case 'expired':
      return _.or([
        { memberId, status: _.in(['expired', 'voided']) },
        { memberId, status: 'issued', validTo: _.lt(now) },
      ]);
  }
}

/** The caller's coupons in one wallet tab (usable, used, expired), a page at a time by a (field, _id) cursor. */
export async function listMyCoupons(
  ctx: RequestContext,
  openid: string,
  input: { status: CouponBucket; pageSize: number; cursor?: string },
): Promise<CouponsResponses['listMine']> {
  const member = await loadMember(ctx, openid);
  const _ = ctx.db.command;
  const query = bucketQuery(input.status, member._id, ctx.now, _);
  const { items, nextCursor } = await keysetPage(couponCollections(ctx).instances, _, query, ORDER[input.status], input);
  return { items: items.map((coupon) => toMyCoupon(coupon, ctx.now)), nextCursor };
}
