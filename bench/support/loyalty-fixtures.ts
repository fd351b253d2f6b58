import { newMember } from '~/core/members/new-member';
import { planCredit } from '~/core/points/ledger-plans';
import { DEFAULT_PROGRAMME } from '~/core/tiers/default-programme';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import { couponTemplateInput } from '~/types/functions/coupons';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { RewardDoc } from '~/types/rewards';
import { newReward } from '~/core/rewards/new-reward';
import { DAY_MS } from '~/core/calendar/durations';

/** The clock of every call in the loyalty benchmark: 10:00 on 2 November 2026 in Shanghai. */
export const NOW = Date.UTC(2026, 10, 2, 2);

/** Points each benchmark member starts with: enough for the one redemption each makes in a run. */
export const START_POINTS = 10_000;

/** Order lines of every earnForOrder call: ¥178.50 paid, 178 points at the entry tier. */
export const ORDER_LINES = [
  { lineId: 'l1', paidFen: 12_800 },
  { lineId: 'l2', paidFen: 5_050 },
];

/** A member's documents as the benchmark seeds them: the member, its open buckets and the entries that filled them. */
export interface SeededMember {
  member: MemberDoc;
  lots: PointLotDoc[];
  entries: LedgerEntryDoc[];
}

/** The same day and hour `monthsAgo` months before `now` (the day capped at the 28th, so every month has it). */
function monthsBefore(now: number, monthsAgo: number): number {
  if (monthsAgo === 0) return now;
  const at = new Date(now);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - monthsAgo, Math.min(at.getUTCDate(), 28), at.getUTCHours());
}

/**
 * Member `id` (card number from `serial`), joined 400 days before `now`, holding START_POINTS in
 * `openBuckets` buckets, posted by the ledger's own plan: one credit in each of the last
 * `openBuckets` Shanghai months, the last one at `now`. That last bucket is the one points earned
 * at `now` go to, so a check-in credits it; a spend takes from the oldest, which covers a reward.
 */
export function memberFixture(id: string, serial: number, openBuckets = 1, now = NOW): SeededMember {
  const base = newMember({ _id: id, openid: `o-${id}`, memberNo: String(4_000_000_000 + serial), now: now - 400 * DAY_MS });
  let points = base.points;
  const lots = new Map<string, PointLotDoc>();
  const entries: LedgerEntryDoc[] = [];
  for (let monthsAgo = openBuckets - 1; monthsAgo >= 0; monthsAgo -= 1) {
    const at = monthsBefore(now, monthsAgo);
    const share = Math.floor(START_POINTS / openBuckets) + (monthsAgo === 0 ? START_POINTS % openBuckets : 0);
    const posting = planCredit(
      { memberId: id, points, lots, now: at },
      { kind: 'adjust', reason: '积分调整：基准测试初始积分', ref: { type: 'admin', id: 'bench' } },
      share,
      DEFAULT_PROGRAMME.points.expiryMonths,
    );
    points = posting.points;
    for (const lot of posting.lots) lots.set(lot._id, lot);
    entries.push({ ...posting.entry, _id: `adjust:bench:${id}:${monthsAgo}`, createdAt: at });
  }
  return { member: { ...base, points }, lots: [...lots.values()], entries };
}

/** A pickup reward for 500 points, one per member, with `stock` units. */
export function rewardFixture(id: string, stock: number): RewardDoc {
  return newReward(
    { _id: id, title: '品牌帆布袋', description: '门店自提', category: '周边', pointsCost: 500, totalStock: stock },
    NOW - DAY_MS,
  );
}

/** A coupon-centre template (¥30 off ¥199, valid 7 days, one per member) with `stock` coupons. */
export function templateInput(stock: number): CouponTemplateInput {
  return couponTemplateInput.parse({
    title: '满199减30',
    terms: { kind: 'cash', thresholdFen: 19_900, amountFen: 3_000 },
    validity: { type: 'relative', days: 7 },
    totalStock: stock,
    channel: 'centre',
  });
}

/** A batch of fresh members, `<prefix>-0`, `<prefix>-1`, …, with card numbers from `firstSerial` on (the child seeds them, the benchmark mirrors them). */
export function seededMembers(prefix: string, firstSerial: number, count: number, openBuckets = 1): SeededMember[] {
  return Array.from({ length: count }, (_, i) => memberFixture(`${prefix}-${i}`, firstSerial + i, openBuckets));
}
