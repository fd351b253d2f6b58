import { CodedError, hasCode } from '~/core/coded-error';
import type { ApiResult } from '~/types/api';
import type { JobRunDoc, TimerJob } from '~/types/jobs';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import { callCloudFunction } from '../db/cloud';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { leaseHeld } from './job-statuses';

/** How long 立即运行 waits for the run to end before answering with it still going (the admin function has 20 s). */
const END_WAIT_MS = 5_000;
/** How long it then waits for the run to take its lease before answering without it. */
const START_WAIT_MS = 8_000;
const POLL_MS = 150;

/** The run that took the job's lease (an owner other than `previous`), or null once `waitMs` has passed or the call has answered. */
async function runThatStarted(
  ctx: RequestContext,
  job: string,
  previous: string | null,
  waitMs: number,
  answered: () => boolean,
): Promise<JobRunDoc | null> {
  const states = ctx.db.collection('job_state');
  for (const until = Date.now() + waitMs; Date.now() < until && !answered();) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const owner = (await states.get(job))?.leaseOwner;
    if (owner && owner !== previous) {
      const run = await ctx.db.collection('job_runs').get(owner);
      if (run) return run;
    }
  }
  return null;
}

/**
 * An admin's 立即运行: calls the job's own function, which makes the same run a timer tick
 * makes (lease, sweep, cursor, budget) and records it as manual. Answers once the run has ended
 * or, for a run still going after a few seconds, with it as it stands (the page then follows its
 * progress), so the admin function's time limit never cuts a run short. Refused while a run of the job holds its
 * lease (CONFLICT) or while the job is paused (INVALID_STATE); two requests racing past this
 * check still make one run, as the second finds the lease taken and records a skip. The audit
 * entry is written before the call, so no run happens unrecorded.
 */
export async function runJobNow(ctx: RequestContext, input: { job: TimerJob }, admin: TokenClaims): Promise<{ run: JobRunDoc | null }> {
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
  let answered = false;
  const call = callCloudFunction(input.job, { manualRunBy: admin.sub }).then((answer) => {
    answered = true;
    const result = answer as ApiResult<JobRunDoc | null>;
    if (!result.ok) throw new CodedError('INTERNAL', `${input.job} refused the run: ${result.error.message}`);
    return { run: result.data };
  });
  call.catch(() => (answered = true)); // answered below, or the run goes on after this call has answered
  const started = new Promise((resolve) => setTimeout(resolve, END_WAIT_MS))
    .then(() => runThatStarted(ctx, input.job, state?.leaseOwner ?? null, START_WAIT_MS, () => answered))
    .then((run) => (run ? { run } : null));
  try {
    return (await Promise.race([call, started.then((found) => found ?? call)])) as { run: JobRunDoc | null };
  } catch (error) {
    if (hasCode(error)) throw error;
    throw new CodedError('INTERNAL', `${input.job} could not be started: ${(error as Error).message}`);
  }
}
