import { DAY_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import { spendByMonth } from '~/core/marketing/profile-facts';
import type { MemberProfileView, ScoreShares } from '~/types/functions/marketing-profiles';
import type { RequestContext } from '../runtime/wx';
import { loadPurchases } from './member-purchases';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * One member's profile for the admin page: the stored profile, the share of the active
 * population at each RFM score (indexed counts on `rfm.r`, `rfm.f`, `rfm.m`), the names of the
 * preferred categories, and the net spend by month over the last 12 months, online and in store,
 * from the member's purchases (indexed by member and time). Never the phone or the address.
 */
export async function getMemberProfile(ctx: RequestContext, { memberId }: { memberId: string }): Promise<MemberProfileView> {
  const _ = ctx.db.command;
  const [member, profile] = await Promise.all([
    ctx.db.collection('members').get(memberId),
    ctx.db.collection('member_profiles').get(memberId),
  ]);
  if (!member || member.status === 'deleted') throw new CodedError('NOT_FOUND', '会员不存在');
  const profiles = ctx.db.collection('member_profiles');
  const [counts, categories, purchases] = await Promise.all([
    Promise.all(
      (['r', 'f', 'm'] as const).map((dimension) => Promise.all(SCORES.map((score) => profiles.count({ [`rfm.${dimension}`]: score })))),
    ),
    profile?.preferredCategoryIds.length
      ? ctx.db.collection('categories').find({ _id: _.in(profile.preferredCategoryIds) }, { limit: 3, fields: ['name'] })
      : Promise.resolve([]),
    loadPurchases(ctx, [memberId], ctx.now - 370 * DAY_MS),
  ]);
  const activeMembers = (counts[0] as number[]).reduce((sum, n) => sum + n, 0);
  const shares = (row: number[]) => row.map((n) => (activeMembers ? Math.round((1000 * n) / activeMembers) / 10 : 0)) as ScoreShares;
  const names = new Map(categories.map((category) => [category._id, category.name]));
  return {
    memberId,
    profile,
    activeMembers,
    rfmShares: { r: shares(counts[0] as number[]), f: shares(counts[1] as number[]), m: shares(counts[2] as number[]) },
    preferredCategories: (profile?.preferredCategoryIds ?? []).map((id) => ({ id, name: names.get(id) ?? id })),
    valueByMonth: spendByMonth(purchases.get(memberId) ?? [], ctx.now),
  };
}
