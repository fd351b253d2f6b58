import { createHash } from 'node:crypto';
import type { CampaignMemberResult, CampaignOutcome } from '~/types/functions/admin-coupons';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { issueToMembers, tallyResults } from './issue-to-members';
import { CodedError } from '~/core/coded-error';

/** A short digest naming a list, so the audit key of a send repeats when the same list is sent again. */
const digest = (values: string[]) =>
  createHash('sha256')
    .update([...values].sort().join(','))
    .digest('hex')
    .slice(0, 16);

/**
 * An admin sends a campaign's coupon to members named by their member numbers (as a brand keeps
 * them in its spreadsheets), once per member per campaign. The numbers are looked up by the
 * unique member-number index in one read; numbers that name no member come back as such. The
 * audit entry is written first under the campaign and the list, as for a send by member id.
 */
export async function issueCouponsByMemberNo(
  ctx: RequestContext,
  input: { templateId: string; campaignId: string; memberNos: string[] },
  admin: TokenClaims,
): Promise<CampaignOutcome> {
  const memberNos = [...new Set(input.memberNos)];
  const template = await ctx.db.collection('coupon_templates').get(input.templateId);
  if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${input.templateId}`);
  const _ = ctx.db.command;
  const found = await ctx.db
    .collection('members')
    .find({ memberNo: _.in(memberNos) }, { limit: memberNos.length, fields: ['memberNo', 'status'] });
  const idOf = new Map(found.filter((member) => member.status !== 'deleted').map((member) => [member.memberNo, member._id]));
  const known = memberNos.filter((no) => idOf.has(no));
  await writeAudit(ctx, {
    _id: `audit:issueCouponsByMemberNo:${input.campaignId}:${input.templateId}:${digest(memberNos)}`,
    actor: adminActor(admin),
    action: 'issueCouponsByMemberNo',
    target: { type: 'campaign', id: input.campaignId },
    after: { templateId: input.templateId, members: known.length, unknownMemberNos: memberNos.length - known.length },
  });
  const issued = await issueToMembers(ctx, {
    templateId: input.templateId,
    campaignId: input.campaignId,
    memberIds: known.map((no) => idOf.get(no) as string),
  });
  const results: CampaignMemberResult[] = issued.map((result, i) => ({ ...result, memberNo: known[i] }));
  return { ...tallyResults(results), results, unknownMemberNos: memberNos.filter((no) => !idOf.has(no)) };
}
