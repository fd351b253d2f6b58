import type { TierSendPage } from '~/types/functions/admin-coupons';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { issueToMembers, tallyResults } from './issue-to-members';
import { CodedError } from '~/core/coded-error';

const MEMBER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An admin sends a campaign's coupon to a whole tier, one page of its members per call, in
 * member-id order after `cursor` (the `tier_id` index), so a tier of any size is sent in calls
 * that each take the same time, and a page sent again (a retry, or a send resumed later) issues
 * nothing twice: each coupon's id is the campaign and the member. The send's audit entry is keyed
 * by campaign, template and tier, so its pages record it once. Deleted members are passed over.
 */
export async function issueTierCoupons(
  ctx: RequestContext,
  input: { templateId: string; campaignId: string; tierId: string; pageSize: number; cursor?: string },
  admin: TokenClaims,
): Promise<TierSendPage> {
  if (input.cursor !== undefined && !MEMBER_ID.test(input.cursor)) {
    throw new CodedError('VALIDATION_FAILED', 'cursor: not a cursor from this send', { field: 'cursor' });
  }
  const [template, tier] = await Promise.all([
    ctx.db.collection('coupon_templates').get(input.templateId),
    ctx.db.collection('tiers').get(input.tierId),
  ]);
  if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${input.templateId}`);
  if (!tier) throw new CodedError('NOT_FOUND', `no tier ${input.tierId}`);
  await writeAudit(ctx, {
    _id: `audit:issueTierCoupons:${input.campaignId}:${input.templateId}:${input.tierId}`,
    actor: adminActor(admin),
    action: 'issueTierCoupons',
    target: { type: 'campaign', id: input.campaignId },
    after: { templateId: input.templateId, tierId: input.tierId },
  });
  const _ = ctx.db.command;
  const members = ctx.db.collection('members');
  const where = input.cursor === undefined ? { tierId: input.tierId } : { tierId: input.tierId, _id: _.gt(input.cursor) };
  const [page, total] = await Promise.all([
    members.find(where, { orderBy: [['_id', 'asc']], limit: input.pageSize + 1, fields: ['status'] }),
    members.count({ tierId: input.tierId }),
  ]);
  const batch = page.slice(0, input.pageSize);
  const results = await issueToMembers(ctx, {
    templateId: input.templateId,
    campaignId: input.campaignId,
    memberIds: batch.filter((member) => member.status !== 'deleted').map((member) => member._id),
    reason: `因为你是${tier.name.endsWith('会员') ? tier.name : `${tier.name}会员`}`,
  });
  const last = batch[batch.length - 1];
  return {
    ...tallyResults(results),
    scanned: batch.length,
    total,
    nextCursor: page.length > input.pageSize && last ? last._id : null,
  };
}
