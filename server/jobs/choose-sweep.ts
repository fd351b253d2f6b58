import { dayOf } from '~/core/calendar/shanghai';
import type { JobStateDoc } from '~/types/jobs';
import type { EpochMs } from '~/types/units';
import type { JobLease } from './job-lease';
import type { JobSpec, Sweep } from './job-spec';

/** Whether a daily job has already finished today's sweep (in Shanghai), so a run has nothing to do. */
export function sweptToday(state: JobStateDoc, cadence: JobSpec<unknown>['cadence'], now: EpochMs): boolean {
  return cadence === 'daily' && state.sweepAsOf == null && state.lastSweepAsOf != null && dayOf(state.lastSweepAsOf) === dayOf(now);
}

/**
 * The sweep a run works and the cursor it starts from: the sweep in progress from its saved
 * cursor, or a new one as of `now` from the start, recorded on the job's state under the lease.
 */
export async function chooseSweep(lease: JobLease, now: EpochMs): Promise<{ sweep: Sweep; cursor: string | null }> {
  const { state } = lease;
  const sweep: Sweep = { asOf: state.sweepAsOf ?? now, since: state.lastSweepAsOf ?? null };
  if (state.sweepAsOf != null) return { sweep, cursor: state.cursor };
  await lease.write({ sweepAsOf: sweep.asOf, cursor: null });
  return { sweep, cursor: null };
}
