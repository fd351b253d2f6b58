import type { JobStateDoc, JobStatusRow, TimerJob } from '~/types/jobs';
import { TIMER_JOBS } from '~/types/jobs';
import type { RequestContext } from '../runtime/wx';

/** Whether a run holds the job's lease now. */
export const leaseHeld = (state: JobStateDoc | null, now: number): boolean =>
  state !== null && state.leaseOwner !== null && state.leaseUntil > now;

/** One job's row: its state, and the run holding its lease, read by the lease owner's id. */
export async function jobStatus(ctx: RequestContext, job: TimerJob, state: JobStateDoc | null): Promise<JobStatusRow> {
  const owner = leaseHeld(state, ctx.now) ? state?.leaseOwner : null;
  const run = owner ? await ctx.db.collection('job_runs').get(owner) : null;
  return {
    job,
    paused: state?.paused === true,
    pausedAt: state?.pausedAt ?? null,
    pausedBy: state?.pausedBy ?? null,
    lastFinishedAt: state?.lastFinishedAt ?? null,
    running: run && run.status === 'running' ? run : null,
  };
}

/** Every timer job's row for the admin page: a few reads by id, whatever the jobs have done. */
export async function listJobStatuses(ctx: RequestContext): Promise<{ items: JobStatusRow[] }> {
  const states = ctx.db.collection('job_state');
  const items = await Promise.all(TIMER_JOBS.map(async (job) => jobStatus(ctx, job, await states.get(job))));
  return { items };
}
