import { mayViewPhone } from '~/core/access/member-data';
import { DAY_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import type { ExportJobDoc, ExportKind } from '~/types/exports';
import type { ExportRow } from '~/types/functions/admin-exports';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { EXPORT_SOURCES } from './export-sources';
import { toExportRow } from './export-views';
import { produceExport } from './produce-export';

/** Time one call spends writing parts, well inside the admin function's 20 s limit. */
export const EXPORT_BUDGET_MS = 8_000;
/** The longest range one export covers. */
const MAX_RANGE_MS = 366 * DAY_MS;

/**
 * An admin starts a CSV export of a range: its audit entry (who, what, which range, and whether
 * personal data is in full or masked, by the admin's role), then the export, with the range's
 * size counted over the index its pages read; then its first parts are written within the
 * call's budget. Idempotent on the request key.
 */
export async function startExport(
  ctx: RequestContext,
  input: { kind: ExportKind; from: number; to: number; requestKey: string },
  admin: TokenClaims,
): Promise<ExportRow> {
  if (input.to <= input.from) throw new CodedError('VALIDATION_FAILED', 'to: must be after from', { field: 'to' });
  if (input.to - input.from > MAX_RANGE_MS)
    throw new CodedError('VALIDATION_FAILED', 'to: the range is longer than 366 days', { field: 'to' });
  const id = `exp-${input.requestKey}`;
  const exportJobs = ctx.db.collection('export_jobs');
  const earlier = await exportJobs.get(id);
  if (earlier) {
    if (earlier.kind !== input.kind || earlier.from !== input.from || earlier.to !== input.to) {
      throw new CodedError('CONFLICT', `request key ${input.requestKey} started another export`);
    }
    return toExportRow(await produceExport(ctx, id, EXPORT_BUDGET_MS));
  }
  const _ = ctx.db.command;
  const { collection, field } = EXPORT_SOURCES[input.kind];
  const estimate = await ctx.db.collection(collection).count(_.and([{ [field]: _.gte(input.from) }, { [field]: _.lt(input.to) }]));
  const job: ExportJobDoc = {
    _id: id,
    kind: input.kind,
    from: input.from,
    to: input.to,
    requestedBy: admin.sub,
    role: admin.role,
    personalData: mayViewPhone(admin.role) ? 'full' : 'masked',
    status: 'running',
    estimate,
    rows: 0,
    parts: [],
    cursor: null,
    leaseUntil: 0,
    error: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    finishedAt: null,
  };
  // The entry first, under the export's key: an export is never written unrecorded, and a retried start records it once.
  await writeAudit(ctx, {
    _id: `audit:startExport:${id}`,
    actor: adminActor(admin),
    action: 'startExport',
    target: { type: 'export', id },
    after: { kind: job.kind, from: job.from, to: job.to, personalData: job.personalData, estimate },
  });
  await exportJobs.insert(job);
  return toExportRow(await produceExport(ctx, id, EXPORT_BUDGET_MS));
}
