import { MINUTE_MS } from '~/core/calendar/durations';
import type { JobStateDoc } from '~/types/jobs';
import type { RequestContext } from '../runtime/wx';

/** Extra time past the budget before another run may take over a lease. */
const LEASE_MARGIN_MS = MINUTE_MS;

/** The note on a run whose lease the next run found left behind. */
export const CUT_OFF = 'cut off before it finished; the next run continued';

/** A job's lease, held by one run: its writes to the job's state land only while the run still holds it. */
export interface JobLease {
  /** The job's state as read once the lease was taken. */
  state: JobStateDoc;
  /** Writes `fields` to the job's state. */
  write(fields: Partial<JobStateDoc>): Promise<number>;
  /** Gives the lease up, writing `fields` with it. */
  release(fields: Partial<JobStateDoc>): Promise<number>;
}

/** The job's state, created (no sweep, no lease) on the job's first run. */
export async function readJobState(ctx: RequestContext, input: { job: string }): Promise<JobStateDoc> {
  const states = ctx.db.collection('job_state');
  const fresh: JobStateDoc = {
    _id: input.job,
    cursor: null,
    leaseOwner: null,
    leaseUntil: 0,
    lastFinishedAt: null,
    sweepAsOf: null,
    lastSweepAsOf: null,
  };
  return (await states.get(input.job)) ?? ((await states.insert(fresh)) ? fresh : ((await states.get(input.job)) as JobStateDoc));
}

/**
 * Takes the job's lease for the run `owner` until the budget and a margin have passed, so two
 * overlapping runs never work the same range; answers null when another run holds it. `before`
 * is the state read before trying: a lease it shows left behind marks that run cut off.
 */
export async function takeJobLease(
  ctx: RequestContext,
  input: { job: string; owner: string; budgetMs: number; before: JobStateDoc },
): Promise<JobLease | null> {
  const _ = ctx.db.command;
  const states = ctx.db.collection('job_state');
  const { job, owner, before } = input;
  const leaseUntil = ctx.now + input.budgetMs + LEASE_MARGIN_MS;
  const leased = await states.updateWhere({ _id: job, leaseUntil: _.lt(ctx.now) }, { leaseOwner: owner, leaseUntil });
  if (leased !== 1) return null;
  const state = (await states.get(job)) as JobStateDoc;
  // A lease left behind means its run was cut off (instance killed or timed out): say so on its record.
  if (before.leaseOwner && before.leaseOwner !== owner) {
    await ctx.db.collection('job_runs').updateWhere({ _id: before.leaseOwner, status: 'running' }, { status: 'failed', note: CUT_OFF });
  }
  return {
    state,
    write: (fields) => states.updateWhere({ _id: job, leaseOwner: owner }, fields),
    release: (fields) => states.updateWhere({ _id: job, leaseOwner: owner }, { leaseOwner: null, leaseUntil: 0, ...fields }),
  };
}
