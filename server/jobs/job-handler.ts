import type { ApiResult } from '~/types/api';
import type { JobRunDoc } from '~/types/jobs';
import { wxContext } from '../db/cloud';
import type { Database } from '../db/database';
import { database } from '../db/database';
import type { JobSpec } from './run-job';
import { runJob } from './run-job';

/**
 * A timer function's `main`: runs the job once per tick. Only the platform's timer may start
 * it (TCB_SOURCE `wx_trigger`); a mini-program user calling it gets NOT_A_TIMER.
 */
export function createJobHandler<Item>(spec: JobSpec<Item>) {
  let db: Database | undefined;
  return async function main(): Promise<ApiResult<JobRunDoc>> {
    const { openid, source } = wxContext();
    if (openid || source !== 'wx_trigger') return { ok: false, error: { code: 'NOT_A_TIMER', message: `${spec.name} runs on its timer only` } };
    db ??= database();
    const now = Date.now();
    return { ok: true, data: await runJob({ now, source, db }, spec) };
  };
}
