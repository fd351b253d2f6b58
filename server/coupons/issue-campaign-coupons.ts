import type { CampaignOutcome } from '~/types/functions/admin-coupons';
import { createHash } from 'node:crypto';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { issueToMembers, tallyResults } from './issue-to-members';
import { CodedError } from '~/core/coded-error';

/**
 * An admin campaign: issues one template's coupon to each listed member, once per member per
 * campaign. The audit entry (who sent which template to how many members) is written first, under
 * the campaign and its member list, so a send cut short and sent again is recorded once and no
 * coupon is ever issued without it; each coupon names the campaign it came from.
 */
export async function issueCampaignCoupons(
  ctx: RequestContext,
  input: { templateId: string; campaignId: string; memberIds: string[] },
  admin: TokenClaims,
): Promise<CampaignOutcome> {
  const memberIds = [...new Set(input.memberIds)];
  const template = await ctx.db.collection('coupon_templates').get(input.templateId);
  if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${input.templateId}`);
  const batch = createHash('sha256')
    .update([...memberIds].sort().join(','))
    .digest('hex')
    .slice(0, 16);
  await writeAudit(ctx, {
    _id: `audit:issueCampaignCoupons:${input.campaignId}:${input.templateId}:${batch}`,
    actor: adminActor(admin),
    action: 'issueCampaignCoupons',
    target: { type: 'campaign', id: input.campaignId },
    after: { templateId: input.templateId, members: memberIds.length },
  });
  const results = await issueToMembers(ctx, { templateId: input.templateId, campaignId: input.campaignId, memberIds });
  return { ...tallyResults(results), results };
}
