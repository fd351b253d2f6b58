import { CodedError } from '~/core/coded-error';
import type { CampaignResults } from '~/types/campaigns';
import type { RequestContext } from '../runtime/wx';
import { campaignResultsOf } from './compute-campaign-results';

/** A launched campaign's results over its window (see computeCampaignResults); a draft has none (INVALID_STATE). */
export async function getCampaignResults(ctx: RequestContext, input: { campaignId: string; refresh: boolean }): Promise<CampaignResults> {
  const campaign = await ctx.db.collection('campaigns').get(input.campaignId);
  if (!campaign) throw new CodedError('NOT_FOUND', `no campaign ${input.campaignId}`);
  if (campaign.launchedAt === null)
    throw new CodedError('INVALID_STATE', `campaign ${input.campaignId} is not launched`, { state: campaign.status });
  return campaignResultsOf(ctx, campaign, input.refresh);
}
