import type { LedgerState, Posting } from '~/core/points/ledger-plans';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { Raw } from '../db/cloud';
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

/**
 * Posts one ledger entry together with the member's cached points and the lots it touches, in
 * one transaction. The entry `_id` is its natural key: a retry finds the entry and changes
 * nothing. The callback may run more than once, so it only reads and writes the documents.
 */
export async function postEntry(ctx: RequestContext, request: PostRequest): Promise<PostResult> {
  // A concurrent posting of the same key wins either at commit (conflict) or at the insert
  // (duplicate key); the next attempt then finds its entry and answers it.
  return runTransaction(ctx, async (tx: Raw) => {
    const entries = tx.collection('ledger_entries');
    const existing = (await entries.doc(request.key).get()).data as LedgerEntryDoc | null;
    if (existing) {
      if (existing.memberId !== request.memberId) throw new AppError('CONFLICT', `key ${request.key} was already used for another member`);
      return { entry: existing, created: false };
    }
    const member = (await tx.collection('members').doc(request.memberId).get()).data as MemberDoc | null;
    if (!member || member.status !== 'active') throw new AppError('NOT_A_MEMBER', 'no such member');
    const ids = [...new Set([...(request.allBuckets ? member.points.openBuckets : []), ...(request.lotIds ?? [])])];
    const found = await Promise.all(ids.map((id) => tx.collection('point_lots').doc(id).get()));
    const lots = new Map<string, PointLotDoc>();
    for (const { data } of found) if (data) lots.set(data._id, data as PointLotDoc);

    let posting = request.plan({ memberId: member._id, points: member.points, lots, now: ctx.now }, member);
    // A plan creates the buckets it was not given. The one it credits may exist (open, or emptied earlier), and writing
    // a fresh one would wipe its counters: read the buckets the plan did not see, and plan again if any exists.
    // A pending lot is named after its own entry, which this transaction found absent: it cannot exist yet.
    const unseenIds = posting.lots.filter((lot) => !lots.has(lot._id) && lot.kind === 'bucket').map((lot) => lot._id);
    const unseen = await Promise.all(unseenIds.map((id) => tx.collection('point_lots').doc(id).get()));
    if (unseen.some(({ data }) => data)) {
      for (const { data } of unseen) if (data) lots.set(data._id, data as PointLotDoc);
      posting = request.plan({ memberId: member._id, points: member.points, lots, now: ctx.now }, member);
    }
    const entry: LedgerEntryDoc = { ...posting.entry, _id: request.key, createdAt: ctx.now };
    for (const lot of posting.lots) {
      const { _id, ...fields } = lot;
      await tx.collection('point_lots').doc(_id).set({ data: fields });
    }
    await tx.collection('members').doc(member._id).update({
      data: { points: posting.points, updatedAt: ctx.now, ...request.memberFields?.(member, posting) },
    });
    await entries.add({ data: entry });
    return { entry, created: true };
  });
}
