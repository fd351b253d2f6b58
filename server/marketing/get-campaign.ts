import { CodedError } from '~/core/coded-error';
import type { CampaignMemberCounts, MarketingCampaignsResponses } from '~/types/functions/marketing-campaigns';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

const GROUPS = ['holdout', 'A', 'B', 'C'] as const;
const STATES = ['held', 'pending', 'issued', 'capped', 'failed'] as const;

/** Campaigns for the admin page, newest first, a page at a time by keyset paging on (createdAt, _id). */
export async function listCampaigns(
  ctx: RequestContext,
  input: { status?: 'draft' | 'freezing' | 'sending' | 'sent' | 'stopped'; pageSize: number; cursor?: string },
): Promise<MarketingCampaignsResponses['listCampaigns']> {
  const query: Record<string, unknown> = input.status ? { status: input.status } : {};
  const page = await keysetPage(ctx.db.collection('campaigns'), ctx.db.command, query, { field: 'createdAt', direction: 'desc' }, input);
  // The cached results are the detail view's; the list stays light.
  return { items: page.items.map((item) => ({ ...item, results: null })), nextCursor: page.nextCursor };
}

/** One campaign, with its frozen members counted by group and by state over the indexes. */
export async function getCampaign(ctx: RequestContext, input: { campaignId: string }): Promise<MarketingCampaignsResponses['getCampaign']> {
  const campaign = await ctx.db.collection('campaigns').get(input.campaignId);
  if (!campaign) throw new CodedError('NOT_FOUND', `no campaign ${input.campaignId}`);
  const members = ctx.db.collection('campaign_members');
  const [groups, states] = await Promise.all([
    Promise.all(GROUPS.map((group) => members.count({ campaignId: campaign._id, group }))),
    Promise.all(STATES.map((state) => members.count({ campaignId: campaign._id, state }))),
  ]);
  const counts: CampaignMemberCounts = {
    byGroup: Object.fromEntries(GROUPS.map((group, i) => [group, groups[i]])) as CampaignMemberCounts['byGroup'],
    byState: Object.fromEntries(STATES.map((state, i) => [state, states[i]])) as CampaignMemberCounts['byState'],
  };
  return { campaign, counts };
}
