import { CodedError } from '~/core/coded-error';
import type { CampaignDoc } from '~/types/campaigns';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { resultsUntilOf } from './compute-campaign-results';

/**
 * Launches a draft: records the segment's rule as it is now and hands the campaign to
 * job-run-campaigns (status `freezing`), which freezes the members and then sends. A campaign
 * launched before is INVALID_STATE, so a second launch never sends twice.
 */
export async function launchCampaign(ctx: RequestContext, input: { campaignId: string }, admin: TokenClaims): Promise<CampaignDoc> {
  const campaign = await ctx.db.collection('campaigns').get(input.campaignId);
  if (!campaign) throw new CodedError('NOT_FOUND', `no campaign ${input.campaignId}`);
  const segment = await ctx.db.collection('segments').get(campaign.segmentId);
  if (!segment || segment.status !== 'active')
    throw new CodedError('VALIDATION_FAILED', `segmentId: no active segment ${campaign.segmentId}`, { field: 'segmentId' });
  return changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('campaigns').doc(input.campaignId);
    const before = (await ref.get()).data as CampaignDoc | null;
    if (!before) throw new CodedError('NOT_FOUND', `no campaign ${input.campaignId}`);
    if (before.status !== 'draft')
      throw new CodedError('INVALID_STATE', `campaign ${input.campaignId} was launched already (${before.status})`, {
        state: before.status,
      });
    const change = {
      status: 'freezing' as const,
      rule: segment.rule,
      cursor: null,
      launchedAt: ctx.now,
      resultsUntil: resultsUntilOf(before, ctx.now),
      updatedAt: ctx.now,
    };
    await ref.update({ data: change });
    return {
      value: { ...before, ...change },
      audit: {
        actor: adminActor(admin),
        action: 'launchCampaign',
        target: { type: 'campaign', id: input.campaignId },
        before: { status: before.status },
        after: { status: change.status, segmentId: segment._id, rule: segment.rule, launchedAt: ctx.now },
      },
    };
  });
}
