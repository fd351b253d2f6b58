import { ledgerRow, memberRow, orderRow } from '~/core/exports/export-rows';
import type { AdminRole } from '~/types/documents';
import type { ExportKind } from '~/types/exports';
import type { RequestContext } from '../runtime/wx';

/** A row's cells. */
type Cells = (string | number | null)[];

/**
 * Where each export reads: its collection, the time field its range is on (with an index on
 * (field, `_id`) for keyset pages), and how a document becomes a row for a role.
 */
export interface ExportSource {
  collection: 'members' | 'ledger_entries' | 'orders';
  field: 'joinedAt' | 'createdAt';
  /** Prepares what rows need once per call (e.g. tier names), and answers the row maker. */
  rowMaker(ctx: RequestContext, role: AdminRole): Promise<(doc: never) => Cells>;
}

export const EXPORT_SOURCES: Record<ExportKind, ExportSource> = {
  members: {
    collection: 'members',
    field: 'joinedAt',
    async rowMaker(ctx, role) {
      const tiers = await ctx.db.collection('tiers').find({}, { limit: 100 });
      const names = new Map(tiers.map((tier) => [tier._id, tier.name]));
      return ((member: Parameters<typeof memberRow>[0]) => memberRow(member, role, (id) => names.get(id) ?? id)) as (doc: never) => Cells;
    },
  },
  ledger: {
    collection: 'ledger_entries',
    field: 'createdAt',
    rowMaker: async () => ledgerRow as (doc: never) => Cells,
  },
  orders: {
    collection: 'orders',
    field: 'createdAt',
    rowMaker: async (_ctx, role) => ((order: Parameters<typeof orderRow>[0]) => orderRow(order, role)) as (doc: never) => Cells,
  },
};
