import { RuleError } from '~/core/rule-error';
import type { PointLotDoc } from '~/types/points';
import { keysetPage } from '../db/keyset-page';
import { expireBucket, releasePendingLot } from '../points/member-points';
import type { RequestContext } from '../runtime/wx';
import type { JobSpec } from './run-job';

/** A lot that changed state since the page was read is someone else's work already done. */
async function unlessMoved(work: () => Promise<{ created: boolean }>): Promise<'changed' | 'skipped'> {
  try {
    return (await work()).created ? 'changed' : 'skipped';
  } catch (error) {
    if (error instanceof RuleError && error.code === 'INVALID_STATE') return 'skipped';
    throw error;
  }
}

/** One page of lots matching `query`, in `field` order, by keyset cursor over an index on (state, field). */
function lotsPage(query: (ctx: RequestContext) => Record<string, unknown>, field: 'pendingUntil' | 'expiresAt') {
  return async (ctx: RequestContext, cursor: string | null, limit: number) => {
    const lots = ctx.db.collection<PointLotDoc>('point_lots');
    const { items, nextCursor } = await keysetPage(lots, ctx.db.command, query(ctx), { field, direction: 'asc' }, { pageSize: limit, cursor: cursor ?? undefined });
    return { items, next: nextCursor };
  };
}

/** Pending lots whose return window has closed, soonest first. */
const duePendingLots = lotsPage((ctx) => ({ state: 'pending', pendingUntil: ctx.db.command.lte(ctx.now) }), 'pendingUntil');

/** Buckets past the end of their expiry month, soonest first. */
const expiredBuckets = lotsPage((ctx) => ({ state: 'open', expiresAt: ctx.db.command.lt(ctx.now) }), 'expiresAt');

/** Makes purchase points available once their return window has closed (hourly). */
export const releasePointsJob: JobSpec<PointLotDoc> = {
  name: 'job-release-points',
  budgetMs: 45_000,
  pageSize: 100,
  page: duePendingLots,
  handle: (ctx, lot) => unlessMoved(() => releasePendingLot(ctx, lot)),
};

/**
 * Expires what is left in buckets whose month has ended (daily). A bucket already spent down
 * to nothing is just closed, with no ledger entry, so it leaves the sweep.
 */
export const expirePointsJob: JobSpec<PointLotDoc> = {
  name: 'job-expire-points',
  budgetMs: 45_000,
  pageSize: 100,
  page: expiredBuckets,
  handle: async (ctx, lot) => {
    if (lot.remaining === 0) {
      await ctx.db.collection<PointLotDoc>('point_lots').updateWhere({ _id: lot._id, state: 'open', remaining: 0 }, { state: 'expired', updatedAt: ctx.now });
      return 'skipped';
    }
    return unlessMoved(() => expireBucket(ctx, lot));
  },
};
