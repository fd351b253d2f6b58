import { expiryEntries } from '~/core/points/expiry';
import { expiryEntryId } from '~/core/points/lots';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import { eachLimited } from '../runtime/each-limited';
import type { RequestContext } from '../runtime/wx';

/** What recording a bucket's expiry did: wrote its entry, or found nothing to write (already written, or an empty bucket). */
export type ExpiryOutcome = 'recorded' | 'nothing';

/** Buckets recorded together: a chunk's three requests carry this many documents at most. */
const CHUNK = 250;
/** Chunks in flight at once, so the instance builds one chunk's entries while the database writes another's. */
const IN_FLIGHT = 3;

/**
 * Records the expiry of buckets whose month has ended (a page of the expiry job), in three
 * requests per chunk of buckets however many expired in them: the members' cached points in one
 * read, every expiry entry in one batch insert, and every bucket closed in one guarded update.
 *
 * The points left each member's balance the instant the bucket expired (see availableAt), so
 * no member document changes here: an expiry entry is the one the member's next posting would
 * write (expiryEntries, same key, same figures), and that posting drops the bucket from the
 * cached points. Whichever comes first writes the entry; the other finds its key taken.
 * Buckets are closed only after their entries are in, so a crash between the two leaves them
 * open for the next sweep, which finds the entries there and closes them.
 */
async function recordChunk(ctx: RequestContext, lots: Pick<PointLotDoc, '_id' | 'memberId' | 'remaining'>[]): Promise<ExpiryOutcome[]> {
  const _ = ctx.db.command;
  const holding = lots.filter((lot) => lot.remaining > 0);
  const memberIds = [...new Set(holding.map((lot) => lot.memberId))];
  const members = memberIds.length ? await ctx.db.collection<MemberDoc>('members').find({ _id: _.in(memberIds) }, { limit: memberIds.length, fields: ['points'] }) : [];
  const due = new Map<string, LedgerEntryDoc>();
  for (const member of members) {
    for (const { bucketId, entry } of expiryEntries(member._id, member.points, ctx.now)) {
      due.set(bucketId, { ...entry, _id: expiryEntryId(bucketId), createdAt: ctx.now });
    }
  }
  // A bucket its member's cached points no longer list was dropped by a posting, which wrote its entry.
  const entries = holding.flatMap((lot) => due.get(lot._id) ?? []);
  const taken = await ctx.db.collection<LedgerEntryDoc>('ledger_entries').insertMany(entries);
  await ctx.db
    .collection<PointLotDoc>('point_lots')
    .updateWhere({ _id: _.in(lots.map((lot) => lot._id)), state: 'open', expiresAt: _.lt(ctx.now) }, { state: 'expired', updatedAt: ctx.now });
  const recorded = new Set(entries.filter((entry) => !taken.has(entry._id)).map((entry) => entry.ref.id));
  return lots.map((lot) => (recorded.has(lot._id) ? 'recorded' : 'nothing'));
}

/** recordChunk over a page, a few chunks at once; each chunk keeps its own order (entries, then closing). */
export async function recordExpiries(ctx: RequestContext, lots: Pick<PointLotDoc, '_id' | 'memberId' | 'remaining'>[]): Promise<ExpiryOutcome[]> {
  const chunks = Array.from({ length: Math.ceil(lots.length / CHUNK) }, (_, i) => lots.slice(i * CHUNK, (i + 1) * CHUNK));
  const done: ExpiryOutcome[][] = [];
  await eachLimited(chunks, IN_FLIGHT, async (chunk, index) => {
    done[index] = await recordChunk(ctx, chunk);
  });
  return done.flat();
}
