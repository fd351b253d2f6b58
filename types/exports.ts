import type { AdminRole } from './documents';
import type { EpochMs } from './units';

/** What an export holds: members who joined, ledger entries made, or orders placed within its range. */
export type ExportKind = 'members' | 'ledger' | 'orders';

/**
 * `export_jobs`: one CSV export, produced a part at a time by the admin function over as many
 * calls as it takes. `_id` is `exp-<requestKey>`, so a retried start finds the first export.
 * Parts are cloud files (`exports/<id>/part-00001.csv`, the first with the BOM and the header);
 * the file is their concatenation in order.
 */
export interface ExportJobDoc {
  _id: string;
  kind: ExportKind;
  /** The range, `from` inclusive and `to` exclusive. */
  from: EpochMs;
  to: EpochMs;
  requestedBy: string;
  /** The requester's role, which decided what personal data is masked. */
  role: AdminRole;
  /** `full`: phones, names and addresses as stored; `masked`: hidden as for the role's screens. */
  personalData: 'full' | 'masked';
  status: 'running' | 'finished' | 'failed';
  /** Rows the range held when the export started, by an indexed count. */
  estimate: number;
  /** Rows written so far. */
  rows: number;
  /** Cloud file ids of the parts written, in order. */
  parts: string[];
  /** Where the next part starts: after (`v`, `id`) in (range field, `_id`) order; null before the first. */
  cursor: { v: EpochMs; id: string } | null;
  /** A call producing parts holds the export until then, so two calls never write the same part. */
  leaseUntil: EpochMs;
  error: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  finishedAt: EpochMs | null;
}
