import { randomBytes } from 'node:crypto';
import type { JobRunDoc, JobStateDoc } from '~/types/jobs';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/** One job: pages of work read by an indexed cursor, and what to do with each item. */
export interface JobSpec<Item> {
  name: string;
  /** Stop taking new pages after this long, well before the platform's time limit. */
  budgetMs: number;
  pageSize: number;
  /** The next page after `cursor` (null: from the start), by an indexed range, never by skip. */
  page(ctx: RequestContext, cursor: string | null, limit: number): Promise<{ items: Item[]; next: string | null }>;
  /** Does one item's effect; every effect carries a natural key, so doing it twice changes nothing. */
  handle(ctx: RequestContext, item: Item): Promise<'changed' | 'skipped'>;
}

/** Extra time past the budget before another run may take over a lease. */
const LEASE_MARGIN_MS = 60_000;

/**
 * Runs one invocation of a job: takes the job's lease (so two overlapping runs never work the
 * same range), continues from the stored cursor, saves the cursor after every page, and stops
 * when the work is done or the budget is spent; the next tick continues. A crash leaves the
 * cursor at the last saved page, and redoing that page changes nothing (natural keys).
 */
export async function runJob<Item>(ctx: RequestContext, spec: JobSpec<Item>, clock: () => EpochMs = Date.now): Promise<JobRunDoc> {
  const _ = ctx.db.command;
  const states = ctx.db.collection<JobStateDoc>('job_state');
  const runs = ctx.db.collection<JobRunDoc>('job_runs');
  const started = clock();
  const run: JobRunDoc = {
    _id: `${spec.name}:${started}:${randomBytes(4).toString('hex')}`,
    job: spec.name,
    status: 'running',
    startedAt: ctx.now,
    finishedAt: null,
    scanned: 0,
    changed: 0,
    skipped: 0,
    failed: 0,
    cursor: null,
    note: null,
  };
  await states.insert({ _id: spec.name, cursor: null, leaseOwner: null, leaseUntil: 0, lastFinishedAt: null });
  const leaseUntil = ctx.now + spec.budgetMs + LEASE_MARGIN_MS;
  const leased = await states.updateWhere({ _id: spec.name, leaseUntil: _.lt(ctx.now) }, { leaseOwner: run._id, leaseUntil });
  if (leased !== 1) {
    await runs.insert({ ...run, status: 'skipped', finishedAt: ctx.now, note: 'another run holds the lease' });
    return { ...run, status: 'skipped' };
  }
  await runs.insert(run);
  const state = (await states.get(spec.name)) as JobStateDoc;
  let cursor = state.cursor;
  let done = false;
  try {
    while (clock() - started < spec.budgetMs) {
      const { items, next } = await spec.page(ctx, cursor, spec.pageSize);
      for (const item of items) {
        run.scanned += 1;
        try {
          run[(await spec.handle(ctx, item)) === 'changed' ? 'changed' : 'skipped'] += 1;
        } catch (error) {
          run.failed += 1;
          console.error(`[${spec.name}] item failed`, error);
        }
      }
      cursor = next;
      done = next === null;
      await states.updateWhere({ _id: spec.name, leaseOwner: run._id }, { cursor });
      if (done) break;
    }
    run.status = done ? 'finished' : 'paused';
  } catch (error) {
    run.status = 'failed';
    run.note = (error as Error).message;
  }
  run.cursor = cursor;
  run.finishedAt = ctx.now + (clock() - started);
  await states.updateWhere(
    { _id: spec.name, leaseOwner: run._id },
    { leaseOwner: null, leaseUntil: 0, ...(done ? { lastFinishedAt: run.finishedAt } : {}) },
  );
  const { _id, ...fields } = run;
  await runs.updateWhere({ _id }, fields);
  return run;
}
