import { DAY_MS } from '~/core/calendar/durations';
import { campaignKey } from '~/core/coupons/issue-keys';
import type { CampaignTallies } from '~/core/marketing/campaign-results';
import { addOutcome, campaignResults } from '~/core/marketing/campaign-results';
import type { CampaignDoc, CampaignMemberDoc, CampaignResults } from '~/types/campaigns';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { SpendRecordDoc } from '~/types/documents';
import type { LedgerEntryDoc } from '~/types/points';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/** Frozen members read per page; each page's records are read by `_.in` on its member ids. */
const MEMBERS_PER_PAGE = 100;
/** Records read per request when a page's records are read in `_id` order. */
const RECORDS_PER_READ = 1000;

/** Every document of `collection` matching `query`, read in `_id` order a bounded page at a time. */
async function readAll<T extends { _id: string }>(
  ctx: RequestContext,
  collection: 'spend_records' | 'ledger_entries',
  query: Record<string, unknown>,
): Promise<T[]> {
  const _ = ctx.db.command;
  const out: T[] = [];
  for (let after: string | null = null; ;) {
    const where: Record<string, unknown> = after === null ? query : _.and([query, { _id: _.gt(after) }]);
    const page = (await ctx.db
      .collection(collection)
      .find(where, { orderBy: [['_id', 'asc']], limit: RECORDS_PER_READ })) as unknown as T[];
    out.push(...page);
    if (page.length < RECORDS_PER_READ) return out;
    after = (page.at(-1) as T)._id;
  }
}

/** The campaign's window: from launch, `resultDays` days. */
export function resultWindow(campaign: CampaignDoc): { from: number; to: number } {
  const from = campaign.launchedAt ?? 0;
  return { from, to: from + campaign.resultDays * DAY_MS };
}

/** Until when job-run-campaigns refreshes a launched campaign's cached results: a day past the window's end. */
export function resultsUntilOf(campaign: Pick<CampaignDoc, 'resultDays'>, launchedAt: number): number {
  return launchedAt + (campaign.resultDays + 1) * DAY_MS;
}

/** What a used campaign coupon took off: as recorded on it (orders), else the in-store sale's coupon discount. */
async function discountOf(ctx: RequestContext, coupon: CouponInstanceDoc): Promise<number> {
  if (coupon.discountFen !== undefined) return coupon.discountFen;
  if (!coupon.usedBy?.startsWith('sale:')) return 0;
  const sale = await ctx.db.collection('store_sales').get(coupon.usedBy.split('#')[0] as string);
  return sale?.couponDiscountFen ?? 0;
}

/**
 * The campaign's results as of now (or the window's end): the frozen members read by `_id`
 * pages; per page, their spend records in the window (paid orders and in-store purchases, net
 * of refunds, the same records tiers count), their campaign coupons by issue key, and the earn
 * and clawback entries of the purchases that used those coupons.
 */
export async function computeCampaignResults(ctx: RequestContext, campaign: CampaignDoc): Promise<CampaignResults> {
  const _ = ctx.db.command;
  const { from, to } = resultWindow(campaign);
  const asOf = Math.min(ctx.now, to);
  const days = campaign.resultDays;
  const { programme } = await loadProgramme(ctx);
  const tallies: CampaignTallies = {};
  const prefix = `${campaign._id}:`;
  for (let after = prefix; ;) {
    const members = await ctx.db
      .collection('campaign_members')
      .find({ _id: _.and([_.gt(after), _.lt(`${campaign._id};`)]) }, { orderBy: [['_id', 'asc']], limit: MEMBERS_PER_PAGE });
    if (members.length === 0) break;
    await tallyPage(ctx, campaign, members, { from, asOf, days }, tallies);
    if (members.length < MEMBERS_PER_PAGE) break;
    after = (members.at(-1) as CampaignMemberDoc)._id;
  }
  return campaignResults(tallies, { from, to, asOf, days, pointsPerYuan: programme.points.pointsPerYuan });
}

async function tallyPage(
  ctx: RequestContext,
  campaign: CampaignDoc,
  members: CampaignMemberDoc[],
  window: { from: number; asOf: number; days: number },
  tallies: CampaignTallies,
): Promise<void> {
  const _ = ctx.db.command;
  const ids = members.map((member) => member.memberId);
  const inWindow = (at: number) => at >= window.from && at < window.asOf;
  const treatedKeys = members.filter((member) => member.group !== 'holdout').map((member) => campaignKey(campaign._id, member.memberId));
  const [spends, coupons] = await Promise.all([
    readAll<SpendRecordDoc>(ctx, 'spend_records', { memberId: _.in(ids), at: _.gte(window.from).and(_.lt(window.asOf)) }),
    treatedKeys.length === 0
      ? Promise.resolve([] as CouponInstanceDoc[])
      : ctx.db.collection('coupon_instances').find({ _id: _.in(treatedKeys) }, { limit: treatedKeys.length }),
  ]);
  const used = coupons.filter((coupon) => coupon.status === 'used' && coupon.usedAt !== null && inWindow(coupon.usedAt) && coupon.usedBy);
  const purchaseIds = used.map((coupon) => (coupon.usedBy as string).replace(/^order:/, ''));
  const entries =
    used.length === 0
      ? []
      : await readAll<LedgerEntryDoc>(ctx, 'ledger_entries', {
          memberId: _.in(used.map((coupon) => coupon.memberId)),
          kind: _.in(['earn', 'clawback']),
          'ref.id': _.in(purchaseIds),
        });
  const discounts = await Promise.all(used.map((coupon) => discountOf(ctx, coupon)));
  const byMember = new Map<string, { discountFen: number; purchaseId: string }>();
  used.forEach((coupon, i) => byMember.set(coupon.memberId, { discountFen: discounts[i] as number, purchaseId: purchaseIds[i] as string }));
  for (const member of members) {
    const mine = spends.filter((spend) => spend.memberId === member.memberId);
    const coupon = member.group === 'holdout' ? undefined : byMember.get(member.memberId);
    const points = coupon
      ? entries
          .filter((entry) => entry.memberId === member.memberId && entry.ref.id === coupon.purchaseId)
          .reduce((sum, entry) => sum + entry.available + entry.pending, 0)
      : 0;
    addOutcome(tallies, window.days, {
      group: member.group,
      spends: mine.map((spend) => ({ dayIndex: Math.floor((spend.at - window.from) / DAY_MS), amountFen: spend.amountFen })),
      purchases: mine.filter((spend) => spend.amountFen > 0).length,
      couponUsed: coupon !== undefined,
      couponDiscountFen: coupon?.discountFen ?? 0,
      pointsEarned: points,
    });
  }
}

/** A campaign's results: the job's cached figures unless asked to refresh (or none are cached yet). */
export async function campaignResultsOf(ctx: RequestContext, campaign: CampaignDoc, refresh: boolean): Promise<CampaignResults> {
  if (!refresh && campaign.results) return campaign.results;
  return computeCampaignResults(ctx, campaign);
}
