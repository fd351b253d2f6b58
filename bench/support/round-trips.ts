/** Database requests by counting key (see `countKey`), as the counting local cloud reports them. */
export type ActionCounts = Record<string, number>;

const TRANSACTION_CONTROL = new Set(['database.startTransaction', 'database.commitTransaction', 'database.abortTransaction']);

/** The key one SDK database request is counted under: its action, marked ` in tx` for a document operation inside a transaction. */
export function countKey(action: string, params: Record<string, unknown>): string {
  return typeof params.transactionId === 'string' && !TRANSACTION_CONTROL.has(action) ? `${action} in tx` : action;
}

/** Report columns, in order: counting key and short label. Keys not listed here get a column of their own. */
export const ACTION_COLUMNS: [key: string, label: string][] = [
  ['database.getDocument', 'get'],
  ['database.modifyDocument', 'modify'],
  ['database.insertDocument', 'insert'],
  ['database.removeDocument', 'remove'],
  ['database.calculateDocument', 'count'],
  ['database.aggregateDocuments', 'aggregate'],
  ['database.startTransaction', 'tx start'],
  ['database.getDocument in tx', 'tx get'],
  ['database.modifyDocument in tx', 'tx modify'],
  ['database.insertDocument in tx', 'tx insert'],
  ['database.removeDocument in tx', 'tx remove'],
  ['database.commitTransaction', 'tx commit'],
  ['database.abortTransaction', 'tx abort'],
];

/** What happened between two snapshots of the counters. */
export function countsSince(before: ActionCounts, after: ActionCounts): ActionCounts {
  const diff: ActionCounts = {};
  for (const [key, value] of Object.entries(after)) {
    const delta = value - (before[key] ?? 0);
    if (delta !== 0) diff[key] = delta;
  }
  return diff;
}

export function totalOf(counts: ActionCounts): number {
  return Object.values(counts).reduce((sum, value) => sum + value, 0);
}

/** Reads the counters of the counting local cloud at `controlUrl`. */
export async function readCounts(controlUrl: string): Promise<ActionCounts> {
  const response = await fetch(`${controlUrl}/counts`);
  if (!response.ok) throw new Error(`counts: HTTP ${response.status}`);
  return (await response.json()) as ActionCounts;
}
