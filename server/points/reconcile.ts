import type { MemberDoc } from '~/types/documents';
import type { PointLotDoc } from '~/types/points';
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
  const $ = ctx.db.command.aggregate;
  let pipeline = ctx.db.raw.collection('ledger_entries').aggregate();
  if (memberId) pipeline = pipeline.match({ memberId });
  const { list } = await pipeline.group({ _id: '$memberId', available: $.sum('$available'), pending: $.sum('$pending') }).limit(1_000_000).end();
  return new Map((list as Sums[]).map((row) => [row._id, row]));
}

/** Checks one member's books: cached points = sum of the ledger = what the lots hold. */
function check(member: MemberDoc, sums: Sums | undefined, lots: PointLotDoc[]): ReconcileProblem[] {
  const problems: string[] = [];
  const available = sums?.available ?? 0;
  const pending = sums?.pending ?? 0;
  if (member.points.available !== available) problems.push(`available ${member.points.available} ≠ ledger ${available}`);
  if (member.points.pending !== pending) problems.push(`pending ${member.points.pending} ≠ ledger ${pending}`);
  const inBuckets = lots.filter((lot) => lot.kind === 'bucket' && lot.state === 'open').reduce((sum, lot) => sum + lot.remaining, 0);
  const inPending = lots.filter((lot) => lot.kind === 'pending' && lot.state === 'pending').reduce((sum, lot) => sum + lot.remaining, 0);
  if (inBuckets + Math.min(0, member.points.available) !== member.points.available) problems.push(`buckets hold ${inBuckets}, available is ${member.points.available}`);
  if (member.points.available < 0 && inBuckets > 0) problems.push('negative balance while buckets still hold points');
  if (inPending !== member.points.pending) problems.push(`pending lots hold ${inPending}, pending is ${member.points.pending}`);
  for (const lot of lots) {
    for (const counter of ['remaining', 'earned', 'spent', 'expired', 'clawedBack'] as const) {
      if (lot[counter] < 0) problems.push(`lot ${lot._id}: ${counter} is below zero`);
    }
    if (lot.kind === 'bucket' && lot.remaining !== lot.earned - lot.spent - lot.expired - lot.clawedBack) problems.push(`bucket ${lot._id} does not add up`);
  }
  const open = lots.filter((lot) => lot.kind === 'bucket' && lot.state === 'open' && lot.remaining > 0).map((lot) => lot._id).sort();
  if (JSON.stringify(open) !== JSON.stringify([...member.points.openBuckets].sort())) problems.push('openBuckets does not list the buckets with points');
  return problems.map((problem) => ({ memberId: member._id, problem }));
}

async function lotsOf(ctx: RequestContext, memberId: string): Promise<PointLotDoc[]> {
  return ctx.db.collection<PointLotDoc>('point_lots').find({ memberId }, { orderBy: [['expiresAt', 'asc']], limit: 1000 });
}

/** Proves one member's balance equals the sum of their ledger entries and of their lots. */
export async function reconcileMember(ctx: RequestContext, memberId: string): Promise<ReconcileProblem[]> {
  const member = await ctx.db.collection<MemberDoc>('members').get(memberId);
  if (!member) return [{ memberId, problem: 'no such member' }];
  const sums = await ledgerSums(ctx, memberId);
  return check(member, sums.get(memberId), await lotsOf(ctx, memberId));
}

/** Proves the books of every member, a page of members at a time. */
export async function reconcileAll(ctx: RequestContext): Promise<{ members: number; problems: ReconcileProblem[] }> {
  const sums = await ledgerSums(ctx);
  const problems: ReconcileProblem[] = [];
  const members = ctx.db.collection<MemberDoc>('members');
  let after = '';
  let count = 0;
  for (;;) {
    const page = await members.find({ _id: ctx.db.command.gt(after) }, { orderBy: [['_id', 'asc']], limit: 100 });
    for (const member of page) {
      problems.push(...check(member, sums.get(member._id), await lotsOf(ctx, member._id)));
      sums.delete(member._id);
    }
    count += page.length;
    if (page.length < 100) break;
    after = (page[page.length - 1] as MemberDoc)._id;
  }
  for (const orphan of sums.keys()) problems.push({ memberId: orphan, problem: 'ledger entries without a member' });
  return { members: count, problems };
}
