import * as z from 'zod';
import type { ExportJobDoc } from '../exports';

const epochMs = z.number().int().min(0).max(8_640_000_000_000);

/** CSV exports, as actions of the `admin` function, without `action` and `token`. */
export const adminExportsInputs = {
  /**
   * Starts an export of members who joined, ledger entries made, or orders placed in
   * [`from`, `to`) (at most 366 days), and writes its first parts; `requestKey` makes a retried
   * start find the same export.
   */
  startExport: z.strictObject({
    kind: z.enum(['members', 'ledger', 'orders']),
    from: epochMs,
    to: epochMs,
    requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -'),
  }),
  /** Writes an unfinished export's next parts; the page calls it until the export is finished. */
  continueExport: z.strictObject({ exportId: z.string().regex(/^exp-[A-Za-z0-9_-]{8,64}$/, 'must be an export id') }),
  /** Exports, newest first, with the total. */
  listExports: z.strictObject({
    pageSize: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
  }),
  /** Temporary links to a finished export's parts, in order, and the file's name. */
  getExportDownload: z.strictObject({ exportId: z.string().regex(/^exp-[A-Za-z0-9_-]{8,64}$/, 'must be an export id') }),
};

/** An export as the admin page lists it (part file ids stay on the server). */
export type ExportRow = Omit<ExportJobDoc, 'parts' | 'cursor' | 'leaseUntil'> & { partCount: number };

export interface AdminExportsResponses {
  startExport: ExportRow;
  continueExport: ExportRow;
  listExports: { items: ExportRow[]; total: number; nextCursor: string | null };
  getExportDownload: { fileName: string; urls: string[] };
}
