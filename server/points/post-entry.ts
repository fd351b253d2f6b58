import type { LedgerState, Posting } from '~/core/points/ledger-plans';
import { expiredBuckets } from '~/core/points/expiry';
import { expiryEntryId } from '~/core/points/lots';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { Transaction } from '../db/run-transaction';
import type { AuditInput } from '../audit/write-audit';
import { auditEntry } from '../audit/write-audit';
import { runTransaction } from '../db/run-transaction';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

export interface PostRequest {
  /** The entry's natural idempotency key, used as its `_id`. */
  key: string;
  memberId: string;
  /** Lots the plan reads (a pending lot, the buckets a spend used). */
  lotIds?: string[];
  /** Whether the plan needs every open bucket (spends and claw-backs take from them soonest-expiry first). */
  allBuckets?: boolean;
  /** Pure: what the entry does, given what the transaction read. */
  plan: (state: LedgerState, member: MemberDoc) => Posting;
  /** Other member fields that change with the entry (e.g. the check-in streak). */
  memberFields?: (member: MemberDoc, posting: Posting) => Partial<MemberDoc>;
  /** The audit entry of an admin's posting, written in the entry's transaction. */
  audit?: (entry: LedgerEntryDoc) => AuditInput;
}

export interface PostResult {
  entry: LedgerEntryDoc;
  /** False when the key was already posted: the entry is the first one, nothing changed. */
  created: boolean;
}

/** What one posting read and decided inside its transaction. */
interface Planned {
  member: MemberDoc;
  posting: Posting;
}

/**
 * Reads the member and the lots a request needs inside `tx`, and plans the posting. Buckets that
 * expired since the member's last posting are read too, with their expiry entries, so the
 * posting records the expiries the job has not.
 */
async function readAndPlan(tx: Transaction, ctx: RequestContext, request: PostRequest): Promise<Planned> {
  const lotsOf = (ids: string[]) => Promise.all(ids.map((id) => tx.collection('point_lots').doc(id).get()));
  // Only a posting that needs every open bucket must see the member before it knows which lots to read.
  const [{ data }, named] = await Promise.all([
    tx.collection('members').doc(request.memberId).get(),
    request.allBuckets ? [] : lotsOf([...new Set(request.lotIds ?? [])]),
  ]);
  const member = data as MemberDoc | null;
  if (!member || member.status !== 'active') throw new CodedError('NOT_A_MEMBER', 'no such member');
  const expired = expiredBuckets(member.points, ctx.now).map((bucket) => bucket.id);
  const more = request.allBuckets
    ? [...member.points.buckets.map((bucket) => bucket.id), ...(request.lotIds ?? [])]
    : expired.filter((id) => !request.lotIds?.includes(id));
  const [found, recorded] = await Promise.all([
    lotsOf([...new Set(more)]),
    Promise.all(expired.map((id) => tx.collection('ledger_entries').doc(expiryEntryId(id)).get())),
  ]);
  const lots = new Map<string, PointLotDoc>();
  for (const { data: lot } of [...(request.allBuckets ? [] : named), ...found]) if (lot) lots.set(lot._id, lot as PointLotDoc);
  const recordedExpiries = new Set(expired.filter((_id, i) => recorded[i]?.data));

  const state = { memberId: member._id, points: member.points, lots, recordedExpiries, now: ctx.now };
  let posting = request.plan(state, member);
  // A plan creates the buckets it was not given. The one it credits may exist (open, emptied earlier, or closed, when the
  // plan turns to another), and writing a fresh one would wipe its counters: read the buckets the plan did not see, and
  // plan again until it sees every bucket it touches. A pending lot is named after its own entry, which this
  // transaction found absent: it cannot exist yet.
  const read = new Set(lots.keys());
  for (;;) {
    const unseenIds = posting.lots.filter((lot) => !read.has(lot._id) && lot.kind === 'bucket').map((lot) => lot._id);
    if (unseenIds.length === 0) break;
    unseenIds.forEach((id) => read.add(id));
    const unseen = await lotsOf(unseenIds);
    if (!unseen.some(({ data: lot }) => lot)) break;
    for (const { data: lot } of unseen) if (lot) lots.set(lot._id, lot as PointLotDoc);
    posting = request.plan(state, member);
  }
  return { member, posting };
}

/**
 * Writes a planned posting inside `tx`: the expiry entries it records, the lots it touched, the
 * member's points, then the entry under its key.
 */
async function writePosting(
  tx: Transaction,
  ctx: RequestContext,
  request: PostRequest,
  { member, posting }: Planned,
): Promise<LedgerEntryDoc> {
  for (const { bucketId, entry: expiry } of posting.expiries) {
    await tx.collection('ledger_entries').add({ data: { ...expiry, _id: expiryEntryId(bucketId) } });
  }
  const entry: LedgerEntryDoc = { ...posting.entry, _id: request.key, createdAt: ctx.now };
  for (const lot of posting.lots) {
    const { _id, ...fields } = lot;
    await tx.collection('point_lots').doc(_id).set({ data: fields });
  }
  await tx
    .collection('members')
    .doc(member._id)
    .update({
      data: { points: posting.points, updatedAt: ctx.now, ...request.memberFields?.(member, posting) },
    });
  await tx.collection('ledger_entries').add({ data: entry });
  return entry;
}

/**
 * Posts one ledger entry together with the member's cached points and the lots it touches, in
 * one transaction. The entry `_id` is its natural key: a retry finds the entry and changes
 * nothing. The callback may run more than once, so it only reads and writes the documents.
 */
export async function postEntry(ctx: RequestContext, request: PostRequest): Promise<PostResult> {
  // A concurrent posting of the same key wins either at commit (conflict) or at the insert
  // (duplicate key); the next attempt then finds its entry and answers it.
  return runTransaction(ctx, async (tx) => {
    const existing = (await tx.collection('ledger_entries').doc(request.key).get()).data as LedgerEntryDoc | null;
    if (existing) {
      if (existing.memberId !== request.memberId)
        throw new CodedError('CONFLICT', `key ${request.key} was already used for another member`);
      return { entry: existing, created: false };
    }
    const entry = await writePosting(tx, ctx, request, await readAndPlan(tx, ctx, request));
    if (request.audit) await tx.collection('audit_log').add({ data: auditEntry(ctx, request.audit(entry)) });
    return { entry, created: true };
  });
}
