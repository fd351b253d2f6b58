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

/** Pending lots whose return window has closed, soonest first, by the (state, pendingUntil) index. */
function duePendingLots(ctx: RequestContext, cursor: string | null, limit: number) {
  const _ = ctx.db.command;
  return keysetPage(
    ctx.db.collection<PointLotDoc>('point_lots'),
    _,
    { state: 'pending', pendingUntil: _.lte(ctx.now) },
    { field: 'pendingUntil', direction: 'asc' },
    { pageSize: limit, cursor: cursor ?? undefined },
  ).then(({ items, nextCursor }) => ({ items, next: nextCursor }));
}

/** Makes purchase points available once their return window has closed (hourly). */
export const releasePointsJob: JobSpec<PointLotDoc> = {
  name: 'job-release-points',
  budgetMs: 45_000,
  pageSize: 100,
  page: duePendingLots,
  handle: (ctx, lot) => unlessMoved(() => releasePendingLot(ctx, lot)),
};

/** Buckets past the end of their expiry month, soonest first, by the (state, expiresAt) index. */
function expiredBuckets(ctx: RequestContext, cursor: string | null, limit: number) {
  const _ = ctx.db.command;
  return keysetPage(
    ctx.db.collection<PointLotDoc>('point_lots'),
    _,
    { state: 'open', expiresAt: _.lt(ctx.now) },
    { field: 'expiresAt', direction: 'asc' },
    { pageSize: limit, cursor: cursor ?? undefined },
  ).then(({ items, nextCursor }) => ({ items, next: nextCursor }));
}

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
