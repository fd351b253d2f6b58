import { randomBytes } from 'node:crypto';
import type { JobRunDoc } from '~/types/jobs';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import { chooseSweep, sweptToday } from './choose-sweep';
import { closeRun, skipRun } from './close-run';
import { readJobState, takeJobLease } from './job-lease';
import type { JobSpec } from './job-spec';
import { pumpPages } from './pump-pages';

export type { ItemOutcome, JobSpec, Sweep } from './job-spec';
export { CUT_OFF } from './job-lease';

/** A new run's record, `running` until it ends; its id is the lease owner's. */
function newRun(ctx: RequestContext, job: string): JobRunDoc {
  return {
    _id: `${job}:${ctx.now}:${randomBytes(4).toString('hex')}`,
    job,
    status: 'running',
    startedAt: ctx.now,
    finishedAt: null,
    scanned: 0,
    changed: 0,
    skipped: 0,
    failed: 0,
    cursor: null,
    note: null,
    sweepAsOf: null,
  };
}

/**
 * Runs one invocation of a job: takes the job's lease (so two overlapping runs never work the
 * same range), continues the sweep in progress from its stored cursor (or starts one, as of the
 * invocation's `now`), saves the cursor after every page, and stops when the sweep is done or
 * the budget is spent; the next tick continues. A crash leaves the cursor at the last saved
 * page, and redoing that page changes nothing (natural keys, decisions as of the sweep's
 * `asOf`). Answers null without recording a run when a daily job has already swept today.
 * `clock` measures the budget only; the calendar is `ctx.now`.
 */
export async function runJob<Item>(ctx: RequestContext, spec: JobSpec<Item>, clock: () => EpochMs = Date.now): Promise<JobRunDoc | null> {
  const started = clock();
  const before = await readJobState(ctx, { job: spec.name });
  if (sweptToday(before, spec.cadence, ctx.now)) return null;

  const run = newRun(ctx, spec.name);
  const lease = await takeJobLease(ctx, { job: spec.name, owner: run._id, budgetMs: spec.budgetMs, before });
  if (!lease) return skipRun(ctx, { run });
  // Another run may have finished today's sweep between the first read and the lease.
  if (sweptToday(lease.state, spec.cadence, ctx.now)) {
    await lease.release({});
    return null;
  }
  const { sweep, cursor } = await chooseSweep(lease, ctx.now);
  run.sweepAsOf = sweep.asOf;
  await ctx.db.collection('job_runs').insert(run);

  const { done, ...pumped } = await pumpPages(ctx, spec, {
    sweep,
    cursor,
    withinBudget: () => clock() - started < spec.budgetMs,
    save: (next) => lease.write({ cursor: next }),
  });
  Object.assign(run, pumped);
  run.finishedAt = ctx.now + (clock() - started);
  return closeRun(ctx, { run, lease, sweep, done });
}
