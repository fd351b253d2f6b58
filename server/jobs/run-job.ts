import { randomBytes } from 'node:crypto';
import type { JobRunDoc } from '~/types/jobs';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import { chooseSweep, sweptToday } from './choose-sweep';
import { closeRun, skipRun } from './close-run';
import { readJobState, takeJobLease } from './job-lease';
import type { JobSpec, Sweep } from './job-spec';
import { pumpPages } from './pump-pages';

export type { ItemOutcome, JobSpec, Sweep } from './job-spec';
export { CUT_OFF } from './job-lease';

/** Who started a run: the timer, or an admin's 立即运行. */
export type RunTrigger = { kind: 'timer' } | { kind: 'manual'; by: string };

/** A new run's record, `running` until it ends; its id is the lease owner's. */
function newRun(ctx: RequestContext, job: string, trigger: RunTrigger): JobRunDoc {
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
    estimate: null,
    scannedBefore: 0,
    trigger: trigger.kind,
    startedBy: trigger.kind === 'manual' ? trigger.by : null,
  };
}

/** The sweep's size by the job's indexed counts, or null when it has none or they fail (progress is then shown without a bar). */
async function estimateOf<Item>(ctx: RequestContext, spec: JobSpec<Item>, sweep: Sweep): Promise<number | null> {
  const count = spec.estimate ?? (spec.page as Partial<Pick<JobSpec<Item>, 'estimate'>>).estimate;
  if (!count) return null;
  try {
    return await count({ ...ctx, now: sweep.asOf }, sweep);
  } catch (error) {
    console.error(`[${spec.name}] could not estimate the sweep`, error);
    return null;
  }
}

/**
 * Runs one invocation of a job: takes the job's lease (so two overlapping runs never work the
 * same range), continues the sweep in progress from its stored cursor (or starts one, as of the
 * invocation's `now`), saves the cursor after every page, and stops when the sweep is done or
 * the budget is spent; the next tick continues. A crash leaves the cursor at the last saved
 * page, and redoing that page changes nothing (natural keys, decisions as of the sweep's
 * `asOf`). Answers null without recording a run when a daily job has already swept today, or
 * when an admin has paused the job. Each saved page also records the run's counts, so the
 * admin page shows its progress against the sweep's estimated size.
 * `clock` measures the budget only; the calendar is `ctx.now`.
 */
export async function runJob<Item>(
  ctx: RequestContext,
  spec: JobSpec<Item>,
  clock: () => EpochMs = Date.now,
  trigger: RunTrigger = { kind: 'timer' },
): Promise<JobRunDoc | null> {
  const started = clock();
  const before = await readJobState(ctx, { job: spec.name });
  // A paused job's tick does nothing at all: no lease, no record, no cursor moved.
  if (before.paused) return null;
  if (sweptToday(before, spec.cadence, ctx.now)) return null;

  const run = newRun(ctx, spec.name, trigger);
  const lease = await takeJobLease(ctx, { job: spec.name, owner: run._id, budgetMs: spec.budgetMs, before });
  if (!lease) return skipRun(ctx, { run });
  // Another run may have finished today's sweep between the first read and the lease.
  if (sweptToday(lease.state, spec.cadence, ctx.now)) {
    await lease.release({});
    return null;
  }
  if (lease.state.paused) {
    await lease.release({});
    return null;
  }
  const { sweep, cursor } = await chooseSweep(lease, ctx.now);
  run.sweepAsOf = sweep.asOf;
  run.scannedBefore = cursor === null ? 0 : (lease.state.sweepScanned ?? 0);
  run.estimate = await estimateOf(ctx, spec, sweep);
  await ctx.db.collection('job_runs').insert(run);

  const runs = ctx.db.collection('job_runs');
  const { done, ...pumped } = await pumpPages(ctx, spec, {
    sweep,
    cursor,
    withinBudget: () => clock() - started < spec.budgetMs,
    // The cursor and the sweep's tally under the lease, then the run's counts for its progress bar.
    save: async (next, counts) => {
      await lease.write({ cursor: next, sweepScanned: (run.scannedBefore ?? 0) + counts.scanned });
      await runs.updateWhere({ _id: run._id, status: 'running' }, counts);
    },
  });
  Object.assign(run, pumped);
  run.finishedAt = ctx.now + (clock() - started);
  return closeRun(ctx, { run, lease, sweep, done });
}
