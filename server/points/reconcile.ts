import type { MemberDoc } from '~/types/documents';
import { expiredBuckets } from '~/core/points/expiry';
import { expiryEntryId } from '~/core/points/lots';
import type { PointLotDoc } from '~/types/points';
import type { EpochMs } from '~/types/units';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

export interface ReconcileProblem {
  memberId: string;
  problem: string;
}

interface Sums {
  _id: string;
  available: number;
  pending: number;
}

/** Sums of the ledger per member (all members, or one). */
async function ledgerSums(ctx: RequestContext, memberId?: string): Promise<Map<string, Sums>> {
  const rows = await ctx.db
    .collection('ledger_entries')
    .sums(memberId ? { memberId } : null, 'memberId', ['available', 'pending'], 1_000_000);
  return new Map(rows.map((row) => [String(row._id), { _id: String(row._id), available: row.available, pending: row.pending }]));
}

/**
 * Checks one member's books: cached points = sum of the ledger = what the lots hold. A bucket
 * the cached points still list after it expired counts in the cached balance until the member's
 * next posting drops it; `recorded` names those whose expiry entry the expiry job has written.
 */
function check(member: MemberDoc, sums: Sums | undefined, lots: PointLotDoc[], recorded: Set<string>, now: EpochMs): ReconcileProblem[] {
  const problems: string[] = [];
  const { points } = member;
  const recordedPoints = expiredBuckets(points, now)
    .filter((bucket) => recorded.has(expiryEntryId(bucket.id)))
    .reduce((sum, bucket) => sum + bucket.points, 0);
  const available = (sums?.available ?? 0) + recordedPoints;
  const pending = sums?.pending ?? 0;
  if (points.available !== available)
    problems.push(`available ${points.available} ≠ ledger ${available} (with ${recordedPoints} recorded as expired since)`);
  if (points.pending !== pending) problems.push(`pending ${points.pending} ≠ ledger ${pending}`);
  const inBuckets = points.buckets.reduce((sum, bucket) => sum + bucket.points, 0);
  const inPending = lots.filter((lot) => lot.kind === 'pending' && lot.state === 'pending').reduce((sum, lot) => sum + lot.remaining, 0);
  if (inBuckets + Math.min(0, points.available) !== points.available)
    problems.push(`buckets hold ${inBuckets}, available is ${points.available}`);
  if (points.available < 0 && inBuckets > 0) problems.push('negative balance while buckets still hold points');
  if (inPending !== points.pending) problems.push(`pending lots hold ${inPending}, pending is ${points.pending}`);
  for (const lot of lots) {
    for (const counter of ['remaining', 'earned', 'spent', 'clawedBack'] as const) {
      if (lot[counter] < 0) problems.push(`lot ${lot._id}: ${counter} is below zero`);
    }
    if (lot.kind === 'bucket' && lot.remaining !== lot.earned - lot.spent - lot.clawedBack)
      problems.push(`bucket ${lot._id} does not add up`);
  }
  const byId = new Map(lots.map((lot) => [lot._id, lot]));
  for (const bucket of points.buckets) {
    const lot = byId.get(bucket.id);
    if (!lot || lot.kind !== 'bucket' || lot.remaining !== bucket.points || lot.expiresAt !== bucket.expiresAt)
      problems.push(`bucket ${bucket.id} holds ${lot?.remaining ?? 'nothing'}, the cached points say ${bucket.points}`);
    else if (lot.state !== 'open' && !(lot.state === 'expired' && bucket.expiresAt < now))
      problems.push(`bucket ${bucket.id} is ${lot.state} but still counted`);
  }
  const listed = new Set(points.buckets.map((bucket) => bucket.id));
  for (const lot of lots) {
    if (lot.kind === 'bucket' && lot.state === 'open' && lot.remaining > 0 && !listed.has(lot._id))
      problems.push(`bucket ${lot._id} holds ${lot.remaining} the cached points do not list`);
  }
  return problems.map((problem) => ({ memberId: member._id, problem }));
}

/** The expiry entries already written for buckets the member's cached points still count. */
async function recordedExpiries(ctx: RequestContext, member: MemberDoc): Promise<Set<string>> {
  const ids = expiredBuckets(member.points, ctx.now).map((bucket) => expiryEntryId(bucket.id));
  if (ids.length === 0) return new Set();
  const found = await ctx.db.collection('ledger_entries').find({ _id: ctx.db.command.in(ids) }, { limit: ids.length });
  return new Set(found.map((entry) => entry._id));
}

/** Lots per read: keysetPage asks for one more than this, which must stay within the server's 1,000 documents per get. */
const LOT_PAGE = 500;

/** Every lot of the member, soonest expiry first, read a page at a time (one read stops at 1,000). */
async function lotsOf(ctx: RequestContext, memberId: string): Promise<PointLotDoc[]> {
  const lots: PointLotDoc[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: PointLotDoc[]; nextCursor: string | null } = await keysetPage(
      ctx.db.collection('point_lots'),
      ctx.db.command,
      { memberId },
      { field: 'expiresAt', direction: 'asc' },
      cursor ? { pageSize: LOT_PAGE, cursor } : { pageSize: LOT_PAGE },
    );
    lots.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return lots;
}

/** Proves one member's balance equals the sum of their ledger entries and of their lots. */
export async function reconcileMember(ctx: RequestContext, memberId: string): Promise<ReconcileProblem[]> {
  const member = await ctx.db.collection('members').get(memberId);
  if (!member) return [{ memberId, problem: 'no such member' }];
  const sums = await ledgerSums(ctx, memberId);
  return check(member, sums.get(memberId), await lotsOf(ctx, memberId), await recordedExpiries(ctx, member), ctx.now);
}

/** Proves the books of every member, a page of members at a time. */
export async function reconcileAll(ctx: RequestContext): Promise<{ members: number; problems: ReconcileProblem[] }> {
  const sums = await ledgerSums(ctx);
  const problems: ReconcileProblem[] = [];
  const members = ctx.db.collection('members');
  let after = '';
  let count = 0;
  for (;;) {
    const page = await members.find({ _id: ctx.db.command.gt(after) }, { orderBy: [['_id', 'asc']], limit: 100 });
    for (const member of page) {
      problems.push(...check(member, sums.get(member._id), await lotsOf(ctx, member._id), await recordedExpiries(ctx, member), ctx.now));
      sums.delete(member._id);
    }
    count += page.length;
    if (page.length < 100) break;
    after = (page[page.length - 1] as MemberDoc)._id;
  }
  for (const orphan of sums.keys()) problems.push({ memberId: orphan, problem: 'ledger entries without a member' });
  return { members: count, problems };
}

/** Checks one member's books, or every member's. */
export async function reconcile(
  ctx: RequestContext,
  { memberId }: { memberId?: string },
): Promise<{ members: number; problems: ReconcileProblem[] }> {
  return memberId ? { members: 1, problems: await reconcileMember(ctx, memberId) } : reconcileAll(ctx);
}
