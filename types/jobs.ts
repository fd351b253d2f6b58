import type { EpochMs } from './units';

/** `job_state/<job>`: where a job's sweep stands, and who holds its lease. */
export interface JobStateDoc {
  _id: string;
  /** Where the current sweep continues; null when the last sweep finished. */
  cursor: string | null;
  leaseOwner: string | null;
  leaseUntil: EpochMs;
  lastFinishedAt: EpochMs | null;
  /** The instant the sweep in progress works as of (every invocation of one sweep decides as of it); null between sweeps. */
  sweepAsOf?: EpochMs | null;
  /** The instant the last finished sweep worked as of: the next sweep covers what became due after it. */
  lastSweepAsOf?: EpochMs | null;
}

/** `job_runs`: one per invocation of a job, shown to admins. */
export interface JobRunDoc {
  _id: string;
  job: string;
  status: 'running' | 'finished' | 'paused' | 'skipped' | 'failed';
  startedAt: EpochMs;
  finishedAt: EpochMs | null;
  scanned: number;
  changed: number;
  skipped: number;
  failed: number;
  /** The cursor the run stopped at (paused runs continue from it on the next tick). */
  cursor: string | null;
  note: string | null;
  /** The instant the run's sweep works as of (see JobStateDoc.sweepAsOf). */
  sweepAsOf?: EpochMs | null;
}
