import { DAY_MS } from '~/core/calendar/durations';
import { dayOf, previousDay } from '~/core/calendar/shanghai';
import type { LifecycleThresholds } from '~/core/marketing/lifecycle';
import { LIFECYCLE_DEFAULTS, lifecycleStage, nextStage } from '~/core/marketing/lifecycle';
import { ageBandOf, birthdayMonthOf, placingAddress, RFM_WINDOW_DAYS, summarisePurchases, useRate } from '~/core/marketing/profile-facts';

import type { MemberDoc } from '~/types/documents';
import type { MemberProfileDoc } from '~/types/marketing';
import type { EpochMs } from '~/types/units';
import { eachLimited } from '../runtime/each-limited';
import type { RequestContext } from '../runtime/wx';
import { findAll, loadPurchases } from './member-purchases';

/** The profile's fields the refresh writes: all but `special` (admins' and staff's) and the RFM scores (the scoring pass's). */
export type ComputedProfile = Omit<MemberProfileDoc, '_id' | 'special' | 'rfm' | 'rfmCode'>;

/** Whether the member lets their data shape what they are offered: absent means yes (the member page adds the switch). */
export function personalisedConsent(member: MemberDoc): boolean {
  return (member.consent as { personalised?: boolean }).personalised !== false;
}

/** How many of `rows` each member has, by `key`. */
function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

/**
 * Works out the profiles of a page of members as of `asOf` and writes them: each with one
 * guarded update of the computed fields (never `special`, which others set meanwhile), or, for a
 * member without a profile yet, an insert with no special tags and zero RFM scores (the scoring
 * pass sets them). Reads the page's data together, by indexed ranges on the member id: purchases
 * in the window, addresses, check-ins, coupons, redemptions and shares.
 */
export async function refreshProfiles(
  ctx: RequestContext,
  members: MemberDoc[],
  asOf: EpochMs,
  options: { windowDays?: number; thresholds?: LifecycleThresholds } = {},
): Promise<('changed' | 'skipped')[]> {
  const _ = ctx.db.command;
  const windowDays = options.windowDays ?? RFM_WINDOW_DAYS;
  const windowStart = asOf - windowDays * DAY_MS;
  const from = Math.min(windowStart, asOf - 365 * DAY_MS);
  const ids = members.map((member) => member._id);
  const [previousList, purchases, addresses, checkIns, coupons, redemptions, shares] = await Promise.all([
    findAll(ctx, 'member_profiles', { _id: _.in(ids) }, ['stage', 'stageSince', 'stageHistory', 'lastPurchaseAt']),
    loadPurchases(ctx, ids, from),
    findAll(ctx, 'member_addresses', { memberId: _.in(ids) }, ['memberId', 'province', 'city', 'defaultAt', 'createdAt']),
    findAll(ctx, 'ledger_entries', { memberId: _.in(ids), createdAt: _.gt(asOf - 30 * DAY_MS), kind: 'checkin' }, ['memberId']),
    findAll(ctx, 'coupon_instances', { memberId: _.in(ids), issuedAt: _.gt(windowStart) }, ['memberId', 'status']),
    findAll(ctx, 'redemptions', { memberId: _.in(ids), createdAt: _.gt(windowStart) }, ['memberId', 'status']),
    findAll(ctx, 'share_visits', { sharerId: _.in(ids), firstSeenAt: _.gt(windowStart) }, ['sharerId']),
  ]);
  const previous = new Map(previousList.map((profile) => [profile._id, profile]));
  const checkInCounts = countBy(checkIns, (entry) => entry.memberId);
  const issued = countBy(coupons, (coupon) => coupon.memberId);
  const used = countBy(
    coupons.filter((coupon) => coupon.status === 'used'),
    (coupon) => coupon.memberId,
  );
  const redeemed = countBy(
    redemptions.filter((redemption) => !['cancelling', 'cancelled', 'failing', 'failed'].includes(redemption.status)),
    (redemption) => redemption.memberId,
  );
  const shared = countBy(shares, (visit) => visit.sharerId);
  const today = dayOf(asOf);
  const outcomes: ('changed' | 'skipped')[] = [];
  await eachLimited(members, 8, async (member, index) => {
    const before = previous.get(member._id) ?? null;
    if (member.status === 'deleted') {
      // A deleted account keeps no profile.
      if (before) await ctx.db.collection('member_profiles').remove(member._id);
      outcomes[index] = before ? 'changed' : 'skipped';
      return;
    }
    const summary = summarisePurchases(purchases.get(member._id) ?? [], asOf, windowDays);
    // Outside the window, the last purchase known before (or the last payment) still tells the lifecycle how long they have been away.
    const older = [before?.lastPurchaseAt, member.lastPaidAt].filter((at): at is number => typeof at === 'number' && at <= windowStart);
    const lastPurchaseAt = summary.lastPurchaseAt ?? (older.length ? Math.max(...older) : null);
    const stage = lifecycleStage(
      {
        joinedAt: member.joinedAt,
        lastPurchaseAt,
        purchases: summary.purchases,
        previous: before ? { stage: before.stage, since: before.stageSince } : null,
      },
      asOf,
      options.thresholds ?? LIFECYCLE_DEFAULTS,
    );
    const address = placingAddress(addresses.filter((a) => a.memberId === member._id));
    const couponsIssued = issued.get(member._id) ?? 0;
    const computed: ComputedProfile = {
      memberNo: member.memberNo,
      refreshedDay: today,
      refreshedAt: asOf,
      gender: member.gender,
      ageBand: ageBandOf(member.birthday, asOf),
      province: address?.province || null,
      city: address?.city || null,
      joinedAt: member.joinedAt,
      birthdayMonth: birthdayMonthOf(member.birthday),
      tierId: member.tierId,
      marketing: member.consent.marketing,
      personalised: personalisedConsent(member),
      ...summary,
      lastPurchaseAt,
      checkInStreak: member.checkIn.lastDay === today || member.checkIn.lastDay === previousDay(today) ? member.checkIn.streak : 0,
      checkIns30: checkInCounts.get(member._id) ?? 0,
      couponUseRate: useRate(couponsIssued, used.get(member._id) ?? 0),
      redemptions: redeemed.get(member._id) ?? 0,
      shares: shared.get(member._id) ?? 0,
      ...nextStage(before, stage, asOf),
    };
    const profiles = ctx.db.collection('member_profiles');
    if (before) {
      await ctx.db.raw
        .collection('member_profiles')
        .doc(member._id)
        .update({
          data: { ...computed, stageHistory: _.set(computed.stageHistory), preferredCategoryIds: _.set(computed.preferredCategoryIds) },
        });
    } else {
      const created = await profiles.insert({ _id: member._id, ...computed, rfm: { r: 0, f: 0, m: 0 }, rfmCode: 0, special: {} });
      if (!created) {
        // Made meanwhile (special tags set on a member without a profile): fill in the computed fields beside them.
        await ctx.db.raw.collection('member_profiles').doc(member._id).update({ data: computed });
      }
    }
    outcomes[index] = 'changed';
  });
  return outcomes;
}
