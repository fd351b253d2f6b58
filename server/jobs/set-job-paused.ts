import type { JobStatusRow, TimerJob } from '~/types/jobs';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { readJobState } from './job-lease';
import { jobStatus } from './job-statuses';

/**
 * An admin pauses or resumes a timer job, with its audit entry, in one transaction. A paused
 * job's ticks return before taking its lease (see runJob), so they record and change nothing; a
 * run already going on finishes its budget, and the sweep continues from its cursor on resume.
 * Setting what is already set answers the job as it is and writes no entry.
 */
export async function setJobPaused(
  ctx: RequestContext,
  input: { job: TimerJob; paused: boolean },
  admin: TokenClaims,
): Promise<JobStatusRow> {
  const stored = await ctx.db.collection('job_state').get(input.job);
  if ((stored?.paused === true) === input.paused) return jobStatus(ctx, input.job, stored);
  // A job that never ran has no state yet: pausing it makes one, to carry the flag.
  if (!stored) await readJobState(ctx, { job: input.job });
  const change = { paused: input.paused, pausedAt: input.paused ? ctx.now : null, pausedBy: input.paused ? admin.sub : null };
  const updated = await updateWithAudit(ctx, {
    collection: 'job_state',
    id: input.job,
    expected: (now) => (now.paused === true) !== input.paused,
    change,
    audit: (before) => ({
      actor: adminActor(admin),
      action: 'setJobPaused',
      target: { type: 'job', id: input.job },
      before: { paused: before.paused === true },
      after: { paused: input.paused },
    }),
  });
  return jobStatus(ctx, input.job, updated ?? (await ctx.db.collection('job_state').get(input.job)));
}
