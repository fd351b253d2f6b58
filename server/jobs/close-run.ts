import type { JobRunDoc } from '~/types/jobs';
import type { RequestContext } from '../runtime/wx';
import type { JobLease } from './job-lease';
import type { Sweep } from './job-spec';

/** Records and answers a run that found another run holding the lease. */
export async function skipRun(ctx: RequestContext, input: { run: JobRunDoc }): Promise<JobRunDoc> {
  const skipped = { status: 'skipped', finishedAt: ctx.now, note: 'another run holds the lease' } as const;
  await ctx.db.collection('job_runs').insert({ ...input.run, ...skipped });
  return { ...input.run, ...skipped };
}

/**
 * Ends a run that held the lease: writes its record, then gives the lease up, closing the sweep
 * when `done` (the next sweep starts from the beginning, covering what became due after this one).
 */
export async function closeRun(
  ctx: RequestContext,
  input: { run: JobRunDoc; lease: JobLease; sweep: Sweep; done: boolean },
): Promise<JobRunDoc> {
  const { run, sweep } = input;
  // The record first: once the lease is released, the next run may take it and look at this record.
  const { _id, ...fields } = run;
  await ctx.db.collection('job_runs').updateWhere({ _id }, fields);
  await input.lease.release(
    input.done ? { lastFinishedAt: run.finishedAt, sweepAsOf: null, lastSweepAsOf: sweep.asOf, cursor: null, sweepScanned: 0 } : {},
  );
  return run;
}
