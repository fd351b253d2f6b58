import { CSV_BOM, csvLine } from '~/core/exports/csv';
import { EXPORT_HEADERS } from '~/core/exports/export-rows';
import type { ExportJobDoc } from '~/types/exports';
import { CodedError } from '~/core/coded-error';
import type { RequestContext } from '../runtime/wx';
import { uploadFile } from '../storage/cloud-files';
import type { ExportSource } from './export-sources';
import { EXPORT_SOURCES } from './export-sources';

/** The most documents the database answers per get. */
const GET_LIMIT = 1_000;
/** Rows per part file: about 1 MB of CSV, the most a call holds at once, whatever the export's size. */
export const PART_ROWS = 5_000;
/** Extra time past a call's budget before another call may take the export over. */
const LEASE_MARGIN_MS = 15_000;

/** A document of one of the exported collections, read by its range field. */
type Row = { _id: string; joinedAt?: number; createdAt?: number };

/** The range's documents after `cursor` in (field, `_id`) order: first the rest sharing its value, then those beyond, each an index range. */
async function readAfter(ctx: RequestContext, job: ExportJobDoc, source: ExportSource, limit: number): Promise<Row[]> {
  const _ = ctx.db.command;
  const collection = ctx.db.collection(source.collection);
  const { field } = source;
  const orderBy: [string, 'asc' | 'desc'][] = [
    [field, 'asc'],
    ['_id', 'asc'],
  ];
  const { cursor } = job;
  let docs: Row[] = [];
  if (cursor) docs = (await collection.find({ [field]: cursor.v, _id: _.gt(cursor.id) }, { orderBy, limit })) as Row[];
  if (docs.length < limit) {
    const lower = cursor ? _.gt(cursor.v) : _.gte(job.from);
    const beyond = await collection.find(_.and([{ [field]: lower }, { [field]: _.lt(job.to) }]), { orderBy, limit: limit - docs.length });
    docs = docs.concat(beyond as Row[]);
  }
  return docs;
}

/** The cloud path of part `n` (1-based) of an export. */
const partPath = (exportId: string, n: number) => `exports/${exportId}/part-${String(n).padStart(5, '0')}.csv`;

/**
 * Writes an export's next parts until it is done or `budgetMs` has passed, and answers it as it
 * stands. Holds the export by a lease (its `leaseUntil`, which also guards every save), so two
 * calls never write the same part; a call that finds it held answers it as it is. Each part is
 * read by index ranges, turned into CSV (the first part starts with the BOM and the header) and
 * uploaded before the export records it and moves its cursor: a call cut off in between
 * rewrites the same part at the same path next time. Only one part's rows are ever in memory.
 */
export async function produceExport(
  ctx: RequestContext,
  exportId: string,
  budgetMs: number,
  clock: () => number = Date.now,
  partRows: number = PART_ROWS,
): Promise<ExportJobDoc> {
  const started = clock();
  const _ = ctx.db.command;
  const exportJobs = ctx.db.collection('export_jobs');
  const found = await exportJobs.get(exportId);
  if (!found) throw new CodedError('NOT_FOUND', `no export ${exportId}`);
  if (found.status !== 'running') return found;
  const lease = ctx.now + budgetMs + LEASE_MARGIN_MS;
  if ((await exportJobs.updateWhere({ _id: exportId, status: 'running', leaseUntil: _.lt(ctx.now) }, { leaseUntil: lease })) !== 1) {
    return found;
  }
  let job: ExportJobDoc = { ...found, leaseUntil: lease };
  const source = EXPORT_SOURCES[job.kind];
  const makeRow = await source.rowMaker(ctx, job.role);
  try {
    while (job.status === 'running' && clock() - started < budgetMs) {
      const chunks: string[] = job.parts.length === 0 ? [CSV_BOM + csvLine(EXPORT_HEADERS[job.kind])] : [];
      let rows = 0;
      let done = false;
      let cursor = job.cursor;
      while (rows < partRows) {
        const limit = Math.min(GET_LIMIT, partRows - rows);
        const docs = await readAfter(ctx, { ...job, cursor }, source, limit);
        for (const doc of docs) chunks.push(csvLine(makeRow(doc as never)));
        rows += docs.length;
        const last = docs[docs.length - 1];
        if (last) cursor = { v: Number(last[source.field]), id: last._id };
        if (docs.length < limit) {
          done = true;
          break;
        }
      }
      const parts =
        chunks.length > 0
          ? [...job.parts, await uploadFile(partPath(job._id, job.parts.length + 1), Buffer.from(chunks.join(''), 'utf8'))]
          : job.parts;
      const now = ctx.now + (clock() - started);
      const change: Partial<ExportJobDoc> = {
        parts,
        cursor,
        rows: job.rows + rows,
        updatedAt: now,
        ...(done ? { status: 'finished' as const, finishedAt: now, leaseUntil: 0 } : {}),
      };
      if ((await exportJobs.updateWhere({ _id: job._id, leaseUntil: lease }, change)) !== 1) {
        return (await exportJobs.get(job._id)) ?? job;
      }
      job = { ...job, ...change };
    }
  } finally {
    if (job.status === 'running') await exportJobs.updateWhere({ _id: job._id, leaseUntil: lease }, { leaseUntil: 0 });
  }
  return { ...job, leaseUntil: job.status === 'running' ? 0 : job.leaseUntil };
}
