import type { AdminResponses } from '~/types/functions/admin';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** Runs of the timer jobs for the admin page, newest first, a page at a time by keyset paging on (startedAt, _id). */
export async function listJobRuns(
  ctx: RequestContext,
  input: { job?: string; pageSize: number; cursor?: string },
): Promise<AdminResponses['listJobRuns']> {
  const runs = ctx.db.collection('job_runs');
  return keysetPage(runs, ctx.db.command, input.job ? { job: input.job } : {}, { field: 'startedAt', direction: 'desc' }, input);
}
