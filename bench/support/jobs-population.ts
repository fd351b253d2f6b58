import { dayOf, endOfMonthAfter, monthOf } from '~/core/calendar/shanghai';
import { addCalendarDays } from '~/core/coupons/calendar-days';
import { newMember } from '~/core/members/new-member';
import { bucketId, newLot } from '~/core/points/lots';
import { birthdayMonthDay } from '~/core/schedules/birthday-schedule';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import { reviewLookAt } from '~/core/tiers/review';
import type { MemberDoc } from '~/types/documents';
import type { PointLotDoc } from '~/types/points';
import type { DocStore } from '../../local-cloud/db/store';
import type { Doc } from '../../local-cloud/db/ejson';
import { seededRandom } from './items';
import { DAY_MS } from '~/core/calendar/durations';

const HOUR = 3_600_000;
const YEAR = DEFAULT_PROGRAMME.tierReview.windowDays * DAY_MS;

/** The day the benchmark's daily sweeps run: 10:30 on 1 March 2027 in Shanghai (February's points expired at midnight). */
export const BENCH_DAY = Date.UTC(2027, 2, 1, 2, 30);
/** The day February's reminders would have gone; March's go 7 days before 31 March. */
export const NOTICE_DAY = Date.UTC(2027, 2, 24, 16, 10);

/** How the population is made, per member (a brand's mix, not a worst case). */
export const MIX = {
  tiers: [0.7, 0.2, 0.08, 0.02],
  birthdaySet: 0.8,
  marketingConsent: 0.4,
  subscribed: 0.2,
  /** Paid yesterday: their spend is read by today's tier review. */
  paidYesterday: 0.01,
  /** Purchase points still in their return window. */
  pendingLot: 0.05,
  /** Buckets per member, expiring at the ends of the 12 months from February 2027. */
  buckets: [1, 2],
};

/** What was seeded. */
export interface Population {
  members: number;
  lots: number;
  spendRecords: number;
  subscriptions: number;
}

/**
 * Seeds `count` members as a running programme has them the morning of BENCH_DAY, straight
 * into the store in one SQLite transaction: each job's dates as yesterday's sweep left them (so
 * today's sweep finds one day's work), birthday coupons already given for the next 6 days,
 * spend records for the rolling window, buckets and pending lots consistent with each
 * member's cached points.
 */
export function seedPopulation(store: DocStore, count: number, seed = 20_270_301): Population {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const tierOf = () => {
    let roll = random();
    for (let rank = 0; rank < MIX.tiers.length; rank += 1) {
      roll -= MIX.tiers[rank] as number;
      if (roll < 0) return DEFAULT_TIERS[rank] as (typeof DEFAULT_TIERS)[number];
    }
    return DEFAULT_TIERS[0] as (typeof DEFAULT_TIERS)[number];
  };
  // Calendar values computed once: a timezone conversion per row would cost more than the insert.
  const expiries = Array.from({ length: 12 }, (_, month) => {
    const expiresAt = endOfMonthAfter(Date.UTC(2027, 1, 10), month);
    return { expiresAt, month: monthOf(expiresAt) };
  });
  const pendingExpiry = endOfMonthAfter(BENCH_DAY, 12);
  const daysOfYear = Array.from({ length: 365 }, (_, day) => addCalendarDays('2001-01-01', day).slice(4));
  const today = dayOf(BENCH_DAY);
  const issuedAhead = new Set(Array.from({ length: 7 }, (_, i) => birthdayMonthDay(addCalendarDays(today, i))));
  const yesterday = BENCH_DAY - DAY_MS;
  const seeded: Population = { members: 0, lots: 0, spendRecords: 0, subscriptions: 0 };
  const insert = (collection: string, doc: object) => store.insert(collection, doc as Doc);

  store.atomically(() => {
    for (let i = 0; i < count; i += 1) {
      const id = `bm${String(i).padStart(7, '0')}`;
      const joinedAt = BENCH_DAY - Math.floor(random() * 1_095 * DAY_MS);
      const member: MemberDoc = newMember({ _id: id, openid: `o-${id}`, memberNo: String(4_000_000_000 + i), now: joinedAt });
      const tier = tierOf();
      member.tierId = tier._id;
      if (tier.rank > 0) {
        member.tierSince = Math.max(joinedAt, BENCH_DAY - Math.floor(random() * 2 * YEAR));
        let anniversary = member.tierSince + YEAR;
        while (reviewLookAt(anniversary, DEFAULT_PROGRAMME.tierReview) <= yesterday) anniversary += YEAR;
        member.tierReviewAt = reviewLookAt(anniversary, DEFAULT_PROGRAMME.tierReview);
        member.tierNotice = null;
        insert('spend_records', {
          _id: `spend:bo${i}`,
          memberId: id,
          amountFen: Math.round(tier.entrySpendFen * (0.6 + random())),
          at: BENCH_DAY - Math.floor(random() * 300 * DAY_MS),
        });
        seeded.spendRecords += 1;
      }
      if (random() < MIX.paidYesterday) {
        insert('spend_records', {
          _id: `spend:by${i}`,
          memberId: id,
          amountFen: 5_000 + Math.floor(random() * 30_000),
          at: yesterday + Math.floor(random() * DAY_MS),
        });
        seeded.spendRecords += 1;
        member.lastPaidAt = yesterday + 12 * HOUR;
      } else if (random() < 0.5) {
        member.lastPaidAt = BENCH_DAY - Math.floor(random() * 200 * DAY_MS);
      }
      if (random() < MIX.birthdaySet) {
        const day = `${1960 + Math.floor(random() * 45)}${pick(daysOfYear)}`;
        member.birthday = day;
        member.birthdayMonthDay = birthdayMonthDay(day);
        member.birthdayCouponYear = issuedAhead.has(member.birthdayMonthDay) ? 2027 : 2026;
      }
      if (random() < MIX.marketingConsent) {
        member.consent = { marketing: true, updatedAt: joinedAt };
        member.comebackDueAt = yesterday + Math.floor(random() * 180 * DAY_MS);
      }
      if (random() < MIX.subscribed) {
        insert('subscriptions', {
          _id: id,
          memberId: id,
          quota: { tierChange: 1, tierAtRisk: 1, birthdayCoupon: 1, comebackCoupon: 1, pointsExpiring: 1 },
          updatedAt: joinedAt,
        });
        seeded.subscriptions += 1;
      }

      const buckets = pick(MIX.buckets);
      for (let b = 0; b < buckets; b += 1) {
        // Buckets expire at the end of a month from February 2027 (expired at BENCH_DAY) to January 2028.
        const { expiresAt, month } = pick(expiries);
        const lotId = bucketId(id, month);
        if (member.points.buckets.some((bucket) => bucket.id === lotId)) continue;
        const points = 10 + Math.floor(random() * 2_000);
        insert(
          'point_lots',
          newLot({ _id: lotId, memberId: id, kind: 'bucket', state: 'open', expiresAt, remaining: points, earned: points }, joinedAt),
        );
        member.points.available += points;
        member.points.lifetimeEarned += points;
        member.points.buckets.push({ id: lotId, expiresAt, points });
        seeded.lots += 1;
      }
      member.points.buckets.sort((a, b) => a.expiresAt - b.expiresAt);
      if (random() < MIX.pendingLot) {
        const points = 50 + Math.floor(random() * 500);
        const lot: PointLotDoc = newLot(
          {
            _id: `pending:${id}`,
            memberId: id,
            kind: 'pending',
            state: 'pending',
            expiresAt: pendingExpiry,
            remaining: points,
            earned: points,
            pendingUntil: BENCH_DAY - HOUR + Math.floor(random() * 7 * 24 * HOUR),
          },
          joinedAt,
        );
        insert('point_lots', lot);
        member.points.pending += points;
        member.points.lifetimeEarned += points;
        seeded.lots += 1;
      }
      insert('members', member);
      seeded.members += 1;
    }
  });
  return seeded;
}
