import { DAY_MS } from '~/core/calendar/durations';
import type { JobSpec } from './run-job';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';

/** Till documents are kept a day past their expiry, for a support question about a scan. */
const KEEP_MS = DAY_MS;

/**
 * Removes till sessions and the `throttles` documents (failure counters of scans and sign-ins,
 * known sign-in addresses) a day after they expired (daily): an expired one answers nothing. A
 * consumed member code whose session is removed is long past its window, so it can never be
 * scanned again. A counter is only removed while still expired: one taken again since it was
 * read counts on.
 */
export const clearTillJob: JobSpec<PhaseItem<'till_sessions' | 'throttles'>> = {
  name: 'job-clear-till',
  cadence: 'daily',
  budgetMs: 45_000,
  pageSize: 200,
  page: phasedPages<'till_sessions' | 'throttles'>(async (ctx, sweep) => {
    const before = ctx.db.command.lt(sweep.asOf - KEEP_MS);
    return [
      { name: 'sessions', collection: 'till_sessions', where: {}, field: 'expiresAt', range: [before] },
      { name: 'throttles', collection: 'throttles', where: {}, field: 'expiresAt', range: [before] },
    ];
  }),
  handlePage: async (ctx, items) => {
    const _ = ctx.db.command;
    const ids = (collection: 'till_sessions' | 'throttles') =>
      items.filter((item) => item.collection === collection).map((item) => item.doc._id);
    const sessions = ids('till_sessions');
    const throttles = ids('throttles');
    if (sessions.length) await ctx.db.collection('till_sessions').removeWhere({ _id: _.in(sessions) });
    if (throttles.length) {
      await ctx.db.collection('throttles').removeWhere({ _id: _.in(throttles), expiresAt: _.lt(ctx.now - KEEP_MS) });
    }
    return items.map(() => 'changed');
  },
};
