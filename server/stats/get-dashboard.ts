import { CodedError } from '~/core/coded-error';
import { daysOf, couponTotals, periodFigures, previousRange, trendDays } from '~/core/stats/period';
import { DASHBOARD_MAX_DAYS } from '~/types/functions/admin-dashboard';
import type { DashboardView } from '~/types/functions/admin-dashboard';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/** A real calendar day, so `2026-02-30` is refused rather than rolled over. */
function isCalendarDay(day: string): boolean {
  const at = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
}

/**
 * The dashboard for the Shanghai days `from`..`to` and as many days before them, read from the
 * daily rollups only: at most two documents a day of the range, whatever the number of members.
 */
export async function getDashboard(ctx: RequestContext, input: { from: string; to: string }): Promise<DashboardView> {
  for (const field of ['from', 'to'] as const) {
    if (!isCalendarDay(input[field])) throw new CodedError('VALIDATION_FAILED', `${field}: not a calendar day`, { field });
  }
  if (input.from > input.to) throw new CodedError('VALIDATION_FAILED', 'from: must not be after to', { field: 'from' });
  const length = daysOf(input.from, input.to).length;
  if (length > DASHBOARD_MAX_DAYS) {
    throw new CodedError('VALIDATION_FAILED', `to: a range is at most ${DASHBOARD_MAX_DAYS} days`, { field: 'to' });
  }
  const before = previousRange(input.from, input.to);
  const _ = ctx.db.command;
  // The two periods in two requests at once: a year's documents take one request most of the load's time.
  const read = (range: { from: string; to: string }) =>
    ctx.db.collection('daily_stats').find(_.and([{ _id: _.gte(range.from) }, { _id: _.lte(range.to) }]), {
      orderBy: [['_id', 'asc']],
      limit: length,
    });
  const [earlier, current, { programme, tiers }] = await Promise.all([read(before), read(input), loadProgramme(ctx)]);
  const last = current.at(-1);
  const byTier = last?.snapshot.byTier ?? {};
  const known = new Set(tiers.map((tier) => tier._id));
  const pointsPerYuan = programme.points.pointsPerYuan;
  return {
    current: periodFigures(input, current, pointsPerYuan),
    previous: periodFigures(before, earlier, pointsPerYuan),
    days: trendDays(input, current),
    tiers: [
      ...tiers.map((tier) => ({ tierId: tier._id, name: tier.name, members: byTier[tier._id] ?? 0 })),
      ...Object.entries(byTier)
        .filter(([tierId]) => !known.has(tierId))
        .map(([tierId, members]) => ({ tierId, name: tierId, members })),
    ],
    coupons: couponTotals(current),
    partial: current.some((doc) => doc.partial),
    asOf: last?.asOf ?? null,
    pointsPerYuan,
    stages: last?.snapshot.byStage ?? null,
  };
}
