import { mayViewPhone } from '~/core/access/member-data';
import { CodedError } from '~/core/coded-error';
import type { AdminExportsResponses, ExportRow } from '~/types/functions/admin-exports';
import type { TokenClaims } from '~/server/admin/credentials';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { tempFileUrls } from '../storage/cloud-files';
import { toExportRow } from './export-views';
import { produceExport } from './produce-export';
import { EXPORT_BUDGET_MS } from './start-export';

/** Writes an unfinished export's next parts within the call's budget (see produceExport). */
export async function continueExport(ctx: RequestContext, input: { exportId: string }): Promise<ExportRow> {
  return toExportRow(await produceExport(ctx, input.exportId, EXPORT_BUDGET_MS));
}

/** Exports for the admin page, newest first, keyset paged on (createdAt, _id), with the total. */
export async function listExports(
  ctx: RequestContext,
  input: { pageSize: number; cursor?: string },
): Promise<AdminExportsResponses['listExports']> {
  const exportJobs = ctx.db.collection('export_jobs');
  const [page, total] = await Promise.all([
    keysetPage(exportJobs, ctx.db.command, {}, { field: 'createdAt', direction: 'desc' }, input),
    exportJobs.count({}),
  ]);
  return { items: page.items.map(toExportRow), total, nextCursor: page.nextCursor };
}

const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * Temporary links to a finished export's parts, in order: the page joins them into one file.
 * An export with personal data in full is handed only to roles that see it in full.
 */
export async function getExportDownload(
  ctx: RequestContext,
  input: { exportId: string },
  admin: TokenClaims,
): Promise<AdminExportsResponses['getExportDownload']> {
  const job = await ctx.db.collection('export_jobs').get(input.exportId);
  if (!job) throw new CodedError('NOT_FOUND', `no export ${input.exportId}`);
  if (job.status !== 'finished') throw new CodedError('INVALID_STATE', 'the export is not finished yet', { state: job.status });
  if (job.personalData === 'full' && !mayViewPhone(admin.role)) {
    throw new CodedError('FORBIDDEN', '该导出含完整个人信息，当前角色无权下载');
  }
  const urls = await tempFileUrls(job.parts, ctx.now);
  const ordered = job.parts.map((part) => urls.get(part));
  if (ordered.some((url) => !url)) throw new CodedError('NOT_FOUND', 'a part of the export is missing from cloud storage');
  return { fileName: `${job.kind}-${day(job.from)}-${day(job.to - 1)}.csv`, urls: ordered as string[] };
}
