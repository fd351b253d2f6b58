import type { ApiResult } from '~/types/api';
import type { JobRunDoc } from '~/types/jobs';
import type { EpochMs } from '~/types/units';
import { wxContext } from '../db/cloud';
import type { Database } from '../db/database';
import { database } from '../db/database';
import type { JobSpec } from './run-job';
import { runJob } from './run-job';

/** The event the platform passes to a function fired by its timer. */
export interface TimerEvent {
  /** Set by the admin function's 立即运行 (see runJobNow): the admin who asked for the run. */
  manualRunBy?: string;
  Type?: string;
  TriggerName?: string;
  /** When the trigger fired, ISO 8601 in UTC (`2026-11-22T18:00:00Z`). */
  Time?: string;
}

/**
 * The clock port of the jobs: "now" is the instant the timer fired, as the platform states it
 * in the event, so a job decides as of its tick and the local cloud's `runTimer(fn, at)` moves
 * its calendar. Falls back to the instance clock when the event carries no time.
 */
export function timerNow(event: TimerEvent | null | undefined, fallback: () => EpochMs = Date.now): EpochMs {
  const at = typeof event?.Time === 'string' ? Date.parse(event.Time) : Number.NaN;
  return Number.isFinite(at) ? at : fallback();
}

/** A positive whole number from an environment variable, or `fallback`. */
function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Whether the platform says another cloud function of this environment made the call
 * (TCB_SOURCE ends `,scf`): no client can send that source, so only the admin function's
 * 立即运行, which checks the admin's session and role first, gets through this way.
 */
const fromOurFunction = (source: string) => source.endsWith(',scf');

/**
 * A timer function's `main`: runs the job once per tick. Only the platform's timer may start
 * it (TCB_SOURCE `wx_trigger`), or the admin function on an admin's behalf (a manual run, the
 * same run a tick makes); anyone else gets NOT_A_TIMER. `LM_JOB_BUDGET_MS` and
 * `LM_JOB_PAGE_SIZE` in the function's environment override the job's budget and page size.
 * Answers null when a daily job has nothing left to do today.
 */
export function createJobHandler<Item>(spec: JobSpec<Item>) {
  let db: Database | undefined;
  return async function main(event?: TimerEvent): Promise<ApiResult<JobRunDoc | null>> {
    const { openid, source } = wxContext();
    const manualBy = typeof event?.manualRunBy === 'string' && fromOurFunction(source) ? event.manualRunBy : null;
    if (manualBy === null && (openid || source !== 'wx_trigger'))
      return { ok: false, error: { code: 'NOT_A_TIMER', message: `${spec.name} runs on its timer only` } };
    db ??= database();
    const tuned = {
      ...spec,
      budgetMs: envNumber('LM_JOB_BUDGET_MS', spec.budgetMs),
      pageSize: envNumber('LM_JOB_PAGE_SIZE', spec.pageSize),
    };
    const trigger = manualBy === null ? ({ kind: 'timer' } as const) : ({ kind: 'manual', by: manualBy } as const);
    return { ok: true, data: await runJob({ now: timerNow(event), source, db }, tuned, Date.now, trigger) };
  };
}
