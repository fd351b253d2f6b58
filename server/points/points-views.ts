import type { DayKey } from '~/core/calendar/shanghai';
import { monthOf, previousDay, startOfDay } from '~/core/calendar/shanghai';
import { checkInReward } from '~/core/points/earning';
import type { MemberDoc } from '~/types/documents';
import type { CheckInCalendar, PointsHistoryPage, PointsSummary } from '~/types/functions/points';
import type { ProgrammeSettings } from '~/types/programme';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { availableAt } from '~/core/points/expiry';

/** Buckets expiring within this many days show as "expiring soon". */
const EXPIRING_SOON_DAYS = 30;

/** The member's points at a glance: available, pending (with release dates), expiring soon. */
export async function pointsSummary(ctx: RequestContext, member: MemberDoc): Promise<PointsSummary> {
  const lots = await ctx.db
    .collection('point_lots')
    .find({ memberId: member._id, state: ctx.db.command.in(['open', 'pending']) }, { orderBy: [['expiresAt', 'asc']], limit: 100 });
  const soon = ctx.now + EXPIRING_SOON_DAYS * 86_400_000;
  const held = lots.filter((lot) => lot.kind === 'bucket' && lot.remaining > 0 && lot.expiresAt >= ctx.now);
  return {
    available: availableAt(member.points, ctx.now),
    pending: member.points.pending,
    lifetimeEarned: member.points.lifetimeEarned,
    pendingLots: lots
      .filter((lot) => lot.kind === 'pending' && lot.remaining > 0)
      .map((lot) => ({ points: lot.remaining, availableAt: lot.pendingUntil, orderId: (lot.entryId ?? '').replace(/^earn:order:/, '') })),
    expiring: held.filter((lot) => lot.expiresAt <= soon).map((lot) => ({ points: lot.remaining, expiresAt: lot.expiresAt })),
    nextExpiry: held[0] ? { points: held[0].remaining, expiresAt: held[0].expiresAt } : null,
    negative: member.points.available < 0,
  };
}

/** The member's entries, newest first, a page at a time. */
export async function pointsHistory(
  ctx: RequestContext,
  member: MemberDoc,
  input: { cursor?: string; pageSize: number },
): Promise<PointsHistoryPage> {
  const entries = ctx.db.collection('ledger_entries');
  const { items, nextCursor } = await keysetPage(
    entries,
    ctx.db.command,
    { memberId: member._id },
    { field: 'createdAt', direction: 'desc' },
    input,
  );
  return {
    items: items.map((entry) => ({
      id: entry._id,
      kind: entry.kind,
      reason: entry.reason,
      available: entry.available,
      pending: entry.pending,
      at: entry.createdAt,
    })),
    nextCursor,
  };
}

/** The Shanghai days of `month` (`YYYY-MM`) on which the member checked in. */
export async function checkInDays(ctx: RequestContext, member: MemberDoc, month: string): Promise<string[]> {
  const _ = ctx.db.command;
  const start = startOfDay(`${month}-01`);
  const next = startOfDay(`${monthOf(start + 32 * 86_400_000)}-01`);
  const entries = await ctx.db
    .collection('ledger_entries')
    .find(_.and([{ memberId: member._id }, { kind: 'checkin' }, { createdAt: _.gte(start) }, { createdAt: _.lt(next) }]), {
      orderBy: [['createdAt', 'asc']],
      limit: 31,
    });
  return entries.map((entry) => entry.ref.id);
}

/** Today's check-in as the calendar shows it: done or not, the live streak, and what today gives. */
export function checkInToday(
  last: MemberDoc['checkIn'],
  today: DayKey,
  rules: ProgrammeSettings['checkIn'],
): Omit<CheckInCalendar, 'month' | 'days' | 'streak' | 'lastDay'> {
  const checkedInToday = last.lastDay === today;
  const todayStreak = checkedInToday ? last.streak : checkInReward(last, today, rules).streak;
  const bonusToday = rules.streakDays > 0 && todayStreak % rules.streakDays === 0;
  const n = rules.streakDays;
  let daysToBonus = 0;
  if (n > 0) daysToBonus = checkedInToday ? n - (todayStreak % n) : ((n - (todayStreak % n)) % n) + 1;
  return {
    today,
    checkedInToday,
    currentStreak: checkedInToday || last.lastDay === previousDay(today) ? last.streak : 0,
    todayReward: { points: rules.dailyPoints, bonus: bonusToday ? rules.streakBonusPoints : 0 },
    daysToBonus,
    rules: { dailyPoints: rules.dailyPoints, streakDays: rules.streakDays, streakBonusPoints: rules.streakBonusPoints },
  };
}
