import { hasCode } from '~/core/coded-error';
import { campaignKey } from '~/core/coupons/issue-keys';
import { campaignGroup } from '~/core/marketing/holdout';
import type { CampaignDoc, CampaignMemberDoc } from '~/types/campaigns';
import { issueCoupon } from '../coupons/issue-coupon';
import { budgetCounters, releaseBudget, reserveBudget } from '../marketing/campaign-budget';
import { computeCampaignResults } from '../marketing/compute-campaign-results';
import { segmentPage } from '../marketing/segment-pages';
import { campaignCouponMessage } from '../notify/messages';
import { sendSubscriptionMessage } from '../notify/send-subscription-message';
import type { RequestContext } from '../runtime/wx';
import { eachLimited } from '../runtime/each-limited';
import type { JobSpec } from './run-job';

/** Profiles read per freezing step. */
const FREEZE_PAGE = 200;
/** Pending members sent per sending step, and how many at once. */
const SEND_PAGE = 50;
const SEND_CONCURRENCY = 8;
/** How long one campaign is worked on per run, so every campaign in flight gets its turn. */
const CAMPAIGN_BUDGET_MS = 20_000;
/** Outcomes that mean the variant's coupon cannot be given (template missing, paused, ended, sold out, member out of its audience). */
const CANNOT_GIVE = new Set(['NOT_FOUND', 'NOT_AVAILABLE', 'NOT_ELIGIBLE', 'OUT_OF_STOCK']);

type Counts = Partial<Record<keyof CampaignDoc['counts'], number>>;

async function addCounts(
  ctx: RequestContext,
  campaignId: string,
  counts: Counts,
  extra: Record<string, unknown> = {},
  guard: Record<string, unknown> = {},
) {
  const _ = ctx.db.command;
  const inc = Object.fromEntries(
    Object.entries(counts)
      .filter(([, n]) => n)
      .map(([field, n]) => [`counts.${field}`, _.inc(n)]),
  );
  return ctx.db.collection('campaigns').updateWhere({ _id: campaignId, ...guard }, { ...inc, ...extra, updatedAt: ctx.now });
}

/**
 * One freezing step: the next page of the segment (as of launch) after the campaign's cursor,
 * each member given a group by holdout.ts and written once (`<campaignId>:<memberId>`); members
 * who turned personalisation off (on the member now, or on the profile) or deleted their account
 * are left out. A page may hold few or no members while the segment goes on (segmentPage reads a
 * window of profiles), so only a null `next` ends the freeze. The cursor moves by a
 * guarded update on the cursor read, so a step done twice counts nothing twice. Answers false
 * when the segment is read to the end (the campaign moves on to sending).
 */
async function freezeStep(ctx: RequestContext, campaign: CampaignDoc): Promise<boolean> {
  const _ = ctx.db.command;
  const page = await segmentPage(ctx, campaign.rule, campaign.launchedAt ?? ctx.now, campaign.cursor, FREEZE_PAGE);
  const [members, privateProfiles] =
    page.memberIds.length === 0
      ? [[], []]
      : await Promise.all([
          ctx.db.collection('members').find({ _id: _.in(page.memberIds) }, { limit: page.memberIds.length }),
          ctx.db
            .collection('member_profiles')
            .find({ _id: _.in(page.memberIds), personalised: false }, { limit: page.memberIds.length, fields: ['_id'] }),
        ]);
  // Personalisation off on either side keeps the member out: the member's consent now, or the profile's as last refreshed.
  const privateIds = new Set(privateProfiles.map((profile) => profile._id));
  const docs: CampaignMemberDoc[] = members
    .filter(
      (member) =>
        member.status !== 'deleted' && (member.consent as { personalised?: boolean }).personalised !== false && !privateIds.has(member._id),
    )
    .map((member) => {
      const group = campaignGroup(campaign._id, member._id, campaign.holdoutPercent, campaign.variants);
      return {
        _id: `${campaign._id}:${member._id}`,
        campaignId: campaign._id,
        memberId: member._id,
        group,
        state: group === 'holdout' ? 'held' : 'pending',
        couponId: null,
        frozenAt: ctx.now,
        issuedAt: null,
      };
    });
  const taken = await ctx.db.collection('campaign_members').insertMany(docs);
  const fresh = docs.filter((doc) => !taken.has(doc._id));
  const holdout = fresh.filter((doc) => doc.group === 'holdout').length;
  const done = page.next === null;
  await addCounts(
    ctx,
    campaign._id,
    { members: fresh.length, holdout, treated: fresh.length - holdout },
    done ? { cursor: null, status: 'sending' } : { cursor: page.next },
    { status: 'freezing', cursor: campaign.cursor },
  );
  return !done;
}

/** Moves a frozen member from `pending` to `state` (guarded, so it happens once) and counts it. */
async function settleMember(ctx: RequestContext, row: CampaignMemberDoc, state: 'issued' | 'capped' | 'failed', couponId: string | null) {
  const moved = await ctx.db
    .collection('campaign_members')
    .updateWhere({ _id: row._id, state: 'pending' }, { state, couponId, issuedAt: state === 'issued' ? ctx.now : null });
  if (moved === 1) await addCounts(ctx, row.campaignId, { [state]: 1 });
}

/**
 * Sends one treated member their variant's coupon, after reserving its budget under every cap
 * (campaign-budget.ts). The issue key `campaign:<campaignId>:<memberId>` makes the coupon and
 * the reservations idempotent: a retry after a crash anywhere finds what the first attempt did.
 */
async function sendOne(ctx: RequestContext, campaign: CampaignDoc, row: CampaignMemberDoc): Promise<void> {
  if (row.group === 'holdout') return;
  const key = campaignKey(campaign._id, row.memberId);
  const variant = campaign.variants.find((v) => v.key === row.group);
  const counters = budgetCounters(campaign, row.memberId, ctx.now);
  const earlier = await ctx.db.collection('coupon_instances').get(key);
  if (!earlier && !(await reserveBudget(ctx, counters, key))) return settleMember(ctx, row, 'capped', null);
  let coupon = earlier;
  if (!coupon) {
    try {
      if (!variant) throw Object.assign(new Error(`no variant ${row.group}`), { code: 'NOT_FOUND' });
      coupon = (
        await issueCoupon(ctx, {
          templateId: variant.templateId,
          memberId: row.memberId,
          source: 'campaign',
          issueKey: key,
          reason: campaign.reason,
        })
      ).coupon;
    } catch (error) {
      if (!(hasCode(error) && CANNOT_GIVE.has(error.code))) throw error;
      await releaseBudget(
        ctx,
        counters.map((counter) => counter.id),
        key,
      );
      return settleMember(ctx, row, 'failed', null);
    }
  }
  if (campaign.sendMessage) {
    await sendSubscriptionMessage(ctx, {
      effectKey: coupon._id,
      memberId: row.memberId,
      message: campaignCouponMessage(coupon, campaign.reason),
    });
  }
  await settleMember(ctx, row, 'issued', coupon._id);
}

/** One sending step: the next pending members (treated only: holdout members are `held`, never pending). Answers false when none are left. */
async function sendStep(ctx: RequestContext, campaign: CampaignDoc): Promise<boolean> {
  const pending = await ctx.db
    .collection('campaign_members')
    .find({ campaignId: campaign._id, state: 'pending' }, { orderBy: [['memberId', 'asc']], limit: SEND_PAGE });
  if (pending.length === 0) {
    await addCounts(ctx, campaign._id, {}, { status: 'sent', finishedAt: ctx.now }, { status: 'sending' });
    return false;
  }
  await eachLimited(pending, SEND_CONCURRENCY, (row) => sendOne(ctx, campaign, row));
  return true;
}

/** Works on one campaign until it is sent or its turn is over; then refreshes its cached results while its window is open. */
async function runCampaign(ctx: RequestContext, start: CampaignDoc, clock: () => number): Promise<'changed' | 'skipped'> {
  const until = clock() + CAMPAIGN_BUDGET_MS;
  let campaign: CampaignDoc | null = start;
  let worked = false;
  while (campaign && (campaign.status === 'freezing' || campaign.status === 'sending') && clock() < until) {
    const more = campaign.status === 'freezing' ? await freezeStep(ctx, campaign) : await sendStep(ctx, campaign);
    worked = true;
    campaign = await ctx.db.collection('campaigns').get(start._id);
    if (!more && campaign?.status !== 'sending') break;
  }
  if (campaign && campaign.launchedAt !== null) {
    const results = await computeCampaignResults(ctx, campaign);
    await ctx.db.collection('campaigns').updateWhere({ _id: campaign._id }, { results });
    worked = true;
  }
  return worked ? 'changed' : 'skipped';
}

/**
 * Every 5 minutes: campaigns launched and not yet sent are frozen (the segment's members put in
 * their groups) and then sent (each treated member's coupon, within the budget caps), a turn at
 * a time; and the results of campaigns whose window is open (or just closed) are refreshed in
 * the campaign document for the admin page.
 */
export const runCampaignsJob: JobSpec<CampaignDoc> = {
  name: 'job-run-campaigns',
  budgetMs: 45_000,
  pageSize: 4,
  concurrency: 2,
  page: async (ctx, cursor, limit, sweep) => {
    const _ = ctx.db.command;
    // Every launched campaign has resultsUntil (launch + its window + a day); freezing and sending end long before it.
    const due = { resultsUntil: _.gte(sweep.asOf) };
    const where = cursor === null ? due : { ...due, _id: _.gt(cursor) };
    const items = await ctx.db.collection('campaigns').find(where, { orderBy: [['_id', 'asc']], limit });
    return { items, next: items.length === limit ? (items.at(-1) as CampaignDoc)._id : null };
  },
  handle: (ctx, campaign) => runCampaign(ctx, campaign, Date.now),
};
