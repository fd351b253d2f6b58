import * as z from 'zod';
import type { JobRunDoc, JobStatusRow } from '../jobs';
import { TIMER_JOBS } from '../jobs';

const job = z.enum(TIMER_JOBS);

/** The timer jobs' controls, as actions of the `admin` function, without `action` and `token`. */
export const adminJobsInputs = {
  /** Each timer job: paused or not, and the run going on now with its progress. */
  listJobStatuses: z.strictObject({}),
  /** Starts a run of a job now, as its timer would; refused while a run of it is going on or while it is paused. */
  runJobNow: z.strictObject({ job }),
  /** Pauses a job (its ticks do nothing) or resumes it. */
  setJobPaused: z.strictObject({ job, paused: z.boolean() }),
};

export interface AdminJobsResponses {
  listJobStatuses: { items: JobStatusRow[] };
  /** The run it made, or null when a daily job had already finished today's sweep. */
  runJobNow: { run: JobRunDoc | null };
  setJobPaused: JobStatusRow;
}
