import type { LedgerState, Posting } from '~/core/points/ledger-plans';
import { RuleError } from '~/core/rule-error';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { Raw } from '../db/cloud';
import { isDuplicateKey } from '../db/database';
import { runTransaction } from '../db/run-transaction';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';

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

/** Reads the member and the lots a request needs inside `tx`, and plans the posting. */
async function readAndPlan(tx: Raw, ctx: RequestContext, request: PostRequest): Promise<Planned> {
  const lotsOf = (ids: string[]) => Promise.all(ids.map((id) => tx.collection('point_lots').doc(id).get()));
  // Only a posting that needs every open bucket must see the member before it knows which lots to read.
  const [{ data }, named] = await Promise.all([tx.collection('members').doc(request.memberId).get(), request.allBuckets ? [] : lotsOf([...new Set(request.lotIds ?? [])])]);
  const member = data as MemberDoc | null;
  if (!member || member.status !== 'active') throw new AppError('NOT_A_MEMBER', 'no such member');
  const found = request.allBuckets ? await lotsOf([...new Set([...member.points.openBuckets, ...(request.lotIds ?? [])])]) : named;
  const lots = new Map<string, PointLotDoc>();
  for (const { data: lot } of found) if (lot) lots.set(lot._id, lot as PointLotDoc);

  let posting = request.plan({ memberId: member._id, points: member.points, lots, now: ctx.now }, member);
  // A plan creates the buckets it was not given. The one it credits may exist (open, or emptied earlier), and writing
  // a fresh one would wipe its counters: read the buckets the plan did not see, and plan again if any exists.
  // A pending lot is named after its own entry, which this transaction found absent: it cannot exist yet.
  const unseenIds = posting.lots.filter((lot) => !lots.has(lot._id) && lot.kind === 'bucket').map((lot) => lot._id);
  const unseen = await lotsOf(unseenIds);
  if (unseen.some(({ data: lot }) => lot)) {
    for (const { data: lot } of unseen) if (lot) lots.set(lot._id, lot as PointLotDoc);
    posting = request.plan({ memberId: member._id, points: member.points, lots, now: ctx.now }, member);
  }
  return { member, posting };
}

/** Writes a planned posting inside `tx`: the lots it touched, the member's points, then the entry under its key. */
async function writePosting(tx: Raw, ctx: RequestContext, request: PostRequest, { member, posting }: Planned): Promise<LedgerEntryDoc> {
  const entry: LedgerEntryDoc = { ...posting.entry, _id: request.key, createdAt: ctx.now };
  for (const lot of posting.lots) {
    const { _id, ...fields } = lot;
    await tx.collection('point_lots').doc(_id).set({ data: fields });
  }
  await tx.collection('members').doc(member._id).update({
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
  return runTransaction(ctx, async (tx: Raw) => {
    const existing = (await tx.collection('ledger_entries').doc(request.key).get()).data as LedgerEntryDoc | null;
    if (existing) {
      if (existing.memberId !== request.memberId) throw new AppError('CONFLICT', `key ${request.key} was already used for another member`);
      return { entry: existing, created: false };
    }
    return { entry: await writePosting(tx, ctx, request, await readAndPlan(tx, ctx, request)), created: true };
  });
}

/** One request's outcome in a group: its result, or why it was not posted. */
export type GroupOutcome = { ok: true; result: PostResult } | { ok: false; error: unknown };

/** A group's transaction found a key already posted: the group is posted again one request at a time. */
class KeyTaken extends Error {}

const isRefusal = (error: unknown): error is AppError | RuleError => error instanceof AppError || error instanceof RuleError;

/**
 * Posts the entries of several members (one request each) in one transaction: every entry is
 * still written with its member's points and its lots, and the group commits or changes nothing.
 * Per entry it saves the transaction's start and commit and the lookup of the key, so it suits
 * postings whose lots tell whether they are done (an expiry closes its bucket, so a repeat is
 * refused by its plan). A request the plan refuses, or whose member has left, is answered with
 * that refusal and writes nothing; the others commit. When a key turns out to be posted already,
 * or the transaction fails for any other reason (e.g. it kept conflicting), each request is
 * posted on its own (postEntry), which answers a posted key with its entry.
 */
export async function postEntries(ctx: RequestContext, requests: PostRequest[]): Promise<GroupOutcome[]> {
  if (new Set(requests.map((request) => request.memberId)).size !== requests.length) throw new Error('postEntries: one request per member');
  if (requests.length === 0) return [];
  try {
    return await runTransaction(ctx, async (tx: Raw) => {
      const planned = await Promise.all(requests.map((request) => readAndPlan(tx, ctx, request).catch((error: unknown) => (isRefusal(error) ? error : Promise.reject(error)))));
      return Promise.all(
        requests.map(async (request, i): Promise<GroupOutcome> => {
          const plan = planned[i] as Planned | AppError | RuleError;
          if (isRefusal(plan)) return { ok: false, error: plan };
          try {
            return { ok: true, result: { entry: await writePosting(tx, ctx, request, plan), created: true } };
          } catch (error) {
            // Not a duplicate to the retrying wrapper: a rerun of this group would only find the same key again.
            throw isDuplicateKey(error) ? new KeyTaken(request.key) : error;
          }
        }),
      );
    });
  } catch {
    return Promise.all(
      requests.map((request) =>
        postEntry(ctx, request).then(
          (result): GroupOutcome => ({ ok: true, result }),
          (error: unknown): GroupOutcome => ({ ok: false, error }),
        ),
      ),
    );
  }
}
