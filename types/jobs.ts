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
  /** Items the sweep in progress has gone through in the runs before the current one. */
  sweepScanned?: number;
  /** Paused by an admin: timer ticks do nothing (no run, no record) until resumed. */
  paused?: boolean;
  pausedAt?: EpochMs | null;
  pausedBy?: string | null;
}

/** The timer jobs, by function name. */
export const TIMER_JOBS = [
  'job-review-tiers',
  'job-birthday-coupons',
  'job-comeback-coupons',
  'job-expire-points',
  'job-release-points',
  'job-cancel-unpaid',
  'job-retry-refunds',
  'job-clear-till',
  'job-daily-stats',
  'job-run-campaigns',
  'job-refresh-profiles',
] as const;

export type TimerJob = (typeof TIMER_JOBS)[number];

/** A timer job as the admin page shows it: paused or not, and the run going on now, if any. */
export interface JobStatusRow {
  job: TimerJob;
  paused: boolean;
  pausedAt: EpochMs | null;
  pausedBy: string | null;
  lastFinishedAt: EpochMs | null;
  /** The run holding the job's lease now, with its progress; null when none is running. */
  running: JobRunDoc | null;
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
  /** Items the whole sweep covers, counted over indexes when the run started; null when the job cannot tell cheaply. */
  estimate?: number | null;
  /** Items of this sweep earlier runs went through; progress is (scannedBefore + scanned) of estimate. */
  scannedBefore?: number;
  /** `timer`: a tick; `manual`: an admin's 立即运行. */
  trigger?: 'timer' | 'manual';
  /** The admin who started a manual run. */
  startedBy?: string | null;
}
