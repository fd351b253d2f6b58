import { DAY_MS } from '~/core/calendar/durations';
import { dayOf, previousDay, startOfDay } from '~/core/calendar/shanghai';
import type { RequestContext } from '../runtime/wx';
import { collectDay } from '../stats/collect-day';
import type { JobSpec } from './run-job';

const nextDay = (day: string) => dayOf(startOfDay(day) + DAY_MS);

/**
 * The first day whose rollup is still to be written or refreshed: the day after the last final
 * one, or, before any, the day the first member joined (nothing happens before a member joins).
 */
async function firstOpenDay(ctx: RequestContext, today: string): Promise<string> {
  const [last] = await ctx.db.collection('daily_stats').find({ partial: false }, { orderBy: [['_id', 'desc']], limit: 1, fields: ['_id'] });
  if (last) return nextDay(last._id);
  const [first] = await ctx.db.collection('members').find({}, { orderBy: [['joinedAt', 'asc']], limit: 1, fields: ['joinedAt'] });
  return first ? dayOf(first.joinedAt) : today;
}

/**
 * Writes the dashboard's daily rollups (`daily_stats`, one document per Shanghai day) on every
 * tick: each sweep goes from the first day not yet final up to today, in day order, since each
 * day carries the previous day's standing forward. A day is final once a sweep as of after its
 * end wrote it; today's is partial and rewritten on every tick. Rewriting a day from the same
 * data writes the same figures.
 */
export const dailyStatsJob: JobSpec<string> = {
  name: 'job-daily-stats',
  budgetMs: 45_000,
  pageSize: 7,
  page: async (ctx, cursor, limit, sweep) => {
    const today = dayOf(sweep.asOf);
    let day = cursor ? nextDay(cursor) : await firstOpenDay(ctx, today);
    const items: string[] = [];
    while (items.length < limit && day <= today) {
      items.push(day);
      day = nextDay(day);
    }
    const last = items.at(-1);
    return { items, next: last && last < today ? last : null, settle: true };
  },
  handlePage: async (ctx, days, sweep) => {
    const stats = ctx.db.collection('daily_stats');
    for (const day of days) {
      const previous = await stats.get(previousDay(day));
      const { _id, ...doc } = await collectDay(ctx, day, sweep.asOf, previous?.snapshot ?? null);
      await ctx.db.raw.collection('daily_stats').doc(_id).set({ data: doc });
    }
    return days.map(() => 'changed');
  },
};
