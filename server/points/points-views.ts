import { monthOf, startOfDay } from '~/core/calendar/shanghai';
import type { MemberDoc } from '~/types/documents';
import type { PointsHistoryPage, PointsSummary } from '~/types/functions/points';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** Buckets expiring within this many days show as "expiring soon". */
const EXPIRING_SOON_DAYS = 30;

/** The member's points at a glance: available, pending (with release dates), expiring soon. */
export async function pointsSummary(ctx: RequestContext, member: MemberDoc): Promise<PointsSummary> {
  const lots = await ctx.db.collection<PointLotDoc>('point_lots').find(
    { memberId: member._id, state: ctx.db.command.in(['open', 'pending']) },
    { orderBy: [['expiresAt', 'asc']], limit: 100 },
  );
  const soon = ctx.now + EXPIRING_SOON_DAYS * 86_400_000;
  return {
    available: member.points.available,
    pending: member.points.pending,
    lifetimeEarned: member.points.lifetimeEarned,
    pendingLots: lots
      .filter((lot) => lot.kind === 'pending' && lot.remaining > 0)
      .map((lot) => ({ points: lot.remaining, availableAt: lot.pendingUntil, orderId: (lot.entryId ?? '').replace(/^earn:order:/, '') })),
    expiring: lots
      .filter((lot) => lot.kind === 'bucket' && lot.remaining > 0 && lot.expiresAt >= ctx.now && lot.expiresAt <= soon)
      .map((lot) => ({ points: lot.remaining, expiresAt: lot.expiresAt })),
    negative: member.points.available < 0,
  };
}

/** The member's entries, newest first, a page at a time. */
export async function pointsHistory(ctx: RequestContext, member: MemberDoc, input: { cursor?: string; pageSize: number }): Promise<PointsHistoryPage> {
  const entries = ctx.db.collection<LedgerEntryDoc>('ledger_entries');
  const { items, nextCursor } = await keysetPage(entries, ctx.db.command, { memberId: member._id }, { field: 'createdAt', direction: 'desc' }, input);
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

/** The Shanghai days of `month` (`YYYY-MM`) on which the member checked in. */
export async function checkInDays(ctx: RequestContext, member: MemberDoc, month: string): Promise<string[]> {
  const _ = ctx.db.command;
  const start = startOfDay(`${month}-01`);
  const next = startOfDay(`${monthOf(start + 32 * 86_400_000)}-01`);
  const entries = await ctx.db.collection<LedgerEntryDoc>('ledger_entries').find(
    _.and([{ memberId: member._id }, { kind: 'checkin' }, { createdAt: _.gte(start) }, { createdAt: _.lt(next) }]),
    { orderBy: [['createdAt', 'asc']], limit: 31 },
  );
  return entries.map((entry) => entry.ref.id);
}
