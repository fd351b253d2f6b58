import type { MemberDoc } from '~/types/documents';
import type { PointsHistoryPage } from '~/types/functions/points';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** The member's entries, newest first, a page at a time. */
export async function listPointsHistory(
  ctx: RequestContext,
  member: MemberDoc,
  input: { cursor?: string; pageSize: number },
): Promise<PointsHistoryPage> {
  const entries = ctx.db.collection('ledger_entries');
  const { items, nextCursor } = await keysetPage(
    entries,
    ctx.db.command,
    { memberId: member._id },
    { field: 'createdAt', direction: 'desc' },
    input,
  );
  return {
    items: items.map((entry) => ({
      id: entry._id,
      kind: entry.kind,
      reason: entry.reason,
      available: entry.available,
      pending: entry.pending,
      at: entry.createdAt,
    })),
    nextCursor,
  };
}
