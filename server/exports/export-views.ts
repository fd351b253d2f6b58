import type { ExportJobDoc } from '~/types/exports';
import type { ExportRow } from '~/types/functions/admin-exports';

/** An export as the admin page sees it. */
export function toExportRow(job: ExportJobDoc): ExportRow {
  const { parts, cursor: _cursor, leaseUntil: _lease, ...rest } = job;
  return { ...rest, partCount: parts.length };
}
