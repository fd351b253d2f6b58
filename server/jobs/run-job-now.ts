import { CodedError, hasCode } from '~/core/coded-error';
import type { ApiResult } from '~/types/api';
import type { JobRunDoc } from '~/types/jobs';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import { callCloudFunction } from '../db/cloud';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { leaseHeld } from './job-statuses';

/**
 * An admin's 立即运行: calls the job's own function, which makes the same run a timer tick
 * makes (lease, sweep, cursor, budget) and records it as manual. Refused while a run of the job
 * holds its lease (CONFLICT) or while the job is paused (INVALID_STATE); two requests racing
 * past this check still make one run, as the second finds the lease taken and records a skip.
 * The audit entry is written before the call, so no run happens unrecorded.
 */
export async function runJobNow(ctx: RequestContext, input: { job: string }, admin: TokenClaims): Promise<{ run: JobRunDoc | null }> {
  const state = await ctx.db.collection('job_state').get(input.job);
  if (state?.paused) throw new CodedError('INVALID_STATE', `${input.job} is paused; resume it first`, { state: 'paused' });
  if (leaseHeld(state, ctx.now)) throw new CodedError('CONFLICT', `a run of ${input.job} is going on`, { state: 'running' });
  await writeAudit(ctx, {
    _id: `audit:runJobNow:${input.job}:${ctx.now}:${ctx.requestId ?? 'local'}`,
    actor: adminActor(admin),
    action: 'runJobNow',
    target: { type: 'job', id: input.job },
    after: { requestedAt: ctx.now },
  });
  let answer: ApiResult<JobRunDoc | null>;
  try {
    answer = (await callCloudFunction(input.job, { manualRunBy: admin.sub })) as ApiResult<JobRunDoc | null>;
  } catch (error) {
    if (hasCode(error)) throw error;
    throw new CodedError('INTERNAL', `${input.job} could not be started: ${(error as Error).message}`);
  }
  if (!answer.ok) throw new CodedError('INTERNAL', `${input.job} refused the run: ${answer.error.message}`);
  return { run: answer.data };
}
