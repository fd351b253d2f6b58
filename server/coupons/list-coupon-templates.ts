import { toCouponTemplateRow } from '~/core/coupons/coupon-views';
import type { CouponChannel, CouponTemplateStatus } from '~/types/coupons';
import type { AdminCouponsResponses, TemplateStats } from '~/types/functions/admin-coupons';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import { templateStats } from './template-stats';

/** Coupon templates for the admin page with their coupons counted (see templateStats), newest first, a page at a time by keyset paging on (createdAt, _id), narrowed by status and channel. */
export async function listCouponTemplates(
  ctx: RequestContext,
  input: { status?: CouponTemplateStatus; channel?: CouponChannel; pageSize: number; cursor?: string },
): Promise<AdminCouponsResponses['listCouponTemplates']> {
  const query: Record<string, unknown> = {};
  if (input.channel) query.channel = input.channel;
  if (input.status) query.status = input.status;
  const page = await keysetPage(couponCollections(ctx).templates, ctx.db.command, query, { field: 'createdAt', direction: 'desc' }, input);
  const stats = await Promise.all(page.items.map((template) => templateStats(ctx, template)));
  return { items: page.items.map((template, i) => toCouponTemplateRow(template, stats[i] as TemplateStats)), nextCursor: page.nextCursor };
}
