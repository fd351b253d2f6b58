import {
  toApprovalView,
  toCheckInRow,
  toCouponRow,
  toLedgerRow,
  toOrderRow,
  toRedemptionRow,
  toTierChangeRow,
  toVisitRow,
} from '~/core/members/member-desk-views';
import type { MemberRecordKind, MemberRecordRows, RecordPage } from '~/types/functions/admin-members';
import { decodeCursor, encodeCursor, keysetPage } from '../db/keyset-page';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { TokenClaims } from './credentials';

type Paging = { pageSize: number; cursor?: string };

/**
 * The member's check-ins, latest day first. Each is the ledger entry `checkin:<memberId>:<day>`,
 * so they are a range of `_id`s: read in `_id` order, without touching the member's other entries.
 */
async function checkInPage(ctx: RequestContext, memberId: string, input: Paging): Promise<RecordPage<MemberRecordRows['checkIns']>> {
  const _ = ctx.db.command;
  const from = `checkin:${memberId}:`;
  const before = input.cursor ? decodeCursor(input.cursor).id : `checkin:${memberId};`;
  const entries = await ctx.db
    .collection('ledger_entries')
    .find(_.and([{ _id: _.gte(from) }, { _id: _.lt(before) }]), { orderBy: [['_id', 'desc']], limit: input.pageSize + 1 });
  const items = entries.slice(0, input.pageSize);
  const last = items[items.length - 1];
  return {
    items: items.map(toCheckInRow),
    nextCursor: entries.length > input.pageSize && last ? encodeCursor({ v: 0, id: last._id }) : null,
  };
}

/** One page of one of a member's lists (the detail's first pages, and the next ones), newest first: each an index range on (memberId, time). */
export async function listMemberRecords<K extends MemberRecordKind>(
  ctx: RequestContext,
  input: { memberId: string; kind: K } & Paging,
  admin: TokenClaims,
): Promise<RecordPage<MemberRecordRows[K]>> {
  const { memberId } = input;
  const _ = ctx.db.command;
  const paging = { pageSize: input.pageSize, cursor: input.cursor };
  const mapped = <T, R>({ items, nextCursor }: RecordPage<T>, view: (doc: T) => R): RecordPage<R> => ({
    items: items.map(view),
    nextCursor,
  });
  const pages: { [Kind in MemberRecordKind]: () => Promise<RecordPage<MemberRecordRows[Kind]>> } = {
    ledger: async () =>
      mapped(
        await keysetPage(ctx.db.collection('ledger_entries'), _, { memberId }, { field: 'createdAt', direction: 'desc' }, paging),
        toLedgerRow,
      ),
    orders: async () =>
      mapped(await keysetPage(ctx.db.collection('orders'), _, { memberId }, { field: 'createdAt', direction: 'desc' }, paging), toOrderRow),
    coupons: async () =>
      mapped(
        await keysetPage(ctx.db.collection('coupon_instances'), _, { memberId }, { field: 'issuedAt', direction: 'desc' }, paging),
        toCouponRow,
      ),
    redemptions: async () =>
      mapped(
        await keysetPage(ctx.db.collection('redemptions'), _, { memberId }, { field: 'createdAt', direction: 'desc' }, paging),
        toRedemptionRow,
      ),
    checkIns: () => checkInPage(ctx, memberId, paging),
    visits: async () =>
      mapped(
        await keysetPage(ctx.db.collection('store_sales'), _, { memberId }, { field: 'createdAt', direction: 'desc' }, paging),
        toVisitRow,
      ),
    tierHistory: async () => {
      const [{ tiers }, changes] = await Promise.all([
        loadProgramme(ctx),
        keysetPage(ctx.db.collection('tier_history'), _, { memberId }, { field: 'at', direction: 'desc' }, paging),
      ]);
      const nameOf = (id: string) => tiers.find((tier) => tier._id === id)?.name ?? id;
      return mapped(changes, (change) => toTierChangeRow(change, nameOf));
    },
    approvals: async () =>
      mapped(
        await keysetPage(ctx.db.collection('approvals'), _, { memberId }, { field: 'requestedAt', direction: 'desc' }, paging),
        (approval) => toApprovalView(approval, admin),
      ),
  };
  return pages[input.kind]() as Promise<RecordPage<MemberRecordRows[K]>>;
}
