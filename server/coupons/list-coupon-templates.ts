import { toCouponTemplateRow } from '~/core/coupons/coupon-views';
import type { CouponChannel, CouponTemplateStatus } from '~/types/coupons';
import type { AdminCouponsResponses } from '~/types/functions/admin-coupons';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/** Coupon templates for the admin page, newest first, a page at a time by keyset paging on (createdAt, _id), narrowed by status and channel. */
export async function listCouponTemplates(
  ctx: RequestContext,
  input: { status?: CouponTemplateStatus; channel?: CouponChannel; pageSize: number; cursor?: string },
): Promise<AdminCouponsResponses['listCouponTemplates']> {
  const query: Record<string, unknown> = {};
  if (input.channel) query.channel = input.channel;
  if (input.status) query.status = input.status;
  const page = await keysetPage(couponCollections(ctx).templates, ctx.db.command, query, { field: 'createdAt', direction: 'desc' }, input);
  return { items: page.items.map(toCouponTemplateRow), nextCursor: page.nextCursor };
}
