import type { CouponInstanceDoc } from '~/types/coupons';
import type { AdminCouponsResponses, CouponRecordRow } from '~/types/functions/admin-coupons';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

function recordRow(coupon: CouponInstanceDoc, memberNo: string | null): CouponRecordRow {
  return {
    instanceId: coupon._id,
    memberId: coupon.memberId,
    memberNo,
    source: coupon.source,
    status: coupon.status,
    issuedAt: coupon.issuedAt,
    validTo: coupon.validTo,
    usedAt: coupon.usedAt,
    usedBy: coupon.usedBy,
    discountFen: coupon.discountFen ?? null,
    voidReason: coupon.voidReason,
  };
}

/**
 * One template's coupons for the admin page: `claims`, every coupon issued from it (claimed or
 * sent) newest first; `uses`, those used, latest use first. Keyset paged over the
 * `template_issued` and `template_status_used` indexes, with the total counted by the database;
 * each row names its member's number, read for the page's members in one query.
 */
export async function listCouponRecords(
  ctx: RequestContext,
  input: { templateId: string; kind: 'claims' | 'uses'; pageSize: number; cursor?: string },
): Promise<AdminCouponsResponses['listCouponRecords']> {
  const { instances } = couponCollections(ctx);
  const query = input.kind === 'claims' ? { templateId: input.templateId } : { templateId: input.templateId, status: 'used' };
  const field = input.kind === 'claims' ? 'issuedAt' : 'usedAt';
  const [page, total] = await Promise.all([
    keysetPage(instances, ctx.db.command, query, { field, direction: 'desc' }, input),
    instances.count(query),
  ]);
  const memberIds = [...new Set(page.items.map((coupon) => coupon.memberId))];
  const members = memberIds.length
    ? await ctx.db.collection('members').find({ _id: ctx.db.command.in(memberIds) }, { limit: memberIds.length, fields: ['memberNo'] })
    : [];
  const memberNo = new Map(members.map((member) => [member._id, member.memberNo]));
  return {
    items: page.items.map((coupon) => recordRow(coupon, memberNo.get(coupon.memberId) ?? null)),
    total,
    nextCursor: page.nextCursor,
  };
}
