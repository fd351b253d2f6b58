import { expiryEntries } from '~/core/points/expiry';
import { expiryEntryId } from '~/core/points/lots';
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
 * requests per chunk of buckets however many expired in them: every open bucket marked
 * `expired` in one guarded update, the members' cached points in one read, and every expiry
 * entry in one batch insert.
 *
 * The points left each member's balance the instant the bucket expired (see availableAt), so
 * no member document changes here: an expiry entry is the one the member's next posting would
 * write (expiryEntries, same key, same figures), and that posting drops the bucket from the
 * cached points. Whichever comes first writes the entry; the other finds its key taken.
 * A posting that started before midnight may still be about to change a bucket: marking it
 * first makes such a posting conflict and try again (finding it no longer open), so the members
 * read afterwards hold each bucket's final points. The job reads buckets by when they expired,
 * not by state, so a run cut off after marking a chunk finds it again and writes its entries.
 */
async function recordChunk(ctx: RequestContext, lots: Pick<PointLotDoc, '_id' | 'memberId'>[]): Promise<ExpiryOutcome[]> {
  const _ = ctx.db.command;
  const buckets = ctx.db.collection('point_lots');
  const ids = lots.map((lot) => lot._id);
  await buckets.updateWhere({ _id: _.in(ids), state: 'open', expiresAt: _.lt(ctx.now) }, { state: 'expired', updatedAt: ctx.now });
  // Every bucket's member, even of one the page read empty: a posting may have put points back before the marking.
  const memberIds = [...new Set(lots.map((lot) => lot.memberId))];
  const members = memberIds.length
    ? await ctx.db.collection('members').find({ _id: _.in(memberIds) }, { limit: memberIds.length, fields: ['points'] })
    : [];
  const due = new Map<string, LedgerEntryDoc>();
  for (const member of members) {
    for (const { bucketId, entry } of expiryEntries(member._id, member.points, ctx.now)) {
      due.set(bucketId, { ...entry, _id: expiryEntryId(bucketId) });
    }
  }
  // A bucket its member's cached points no longer list was dropped by a posting, which wrote its entry.
  const entries = lots.flatMap((lot) => due.get(lot._id) ?? []);
  const taken = await ctx.db.collection('ledger_entries').insertMany(entries);
  const recorded = new Set(entries.filter((entry) => !taken.has(entry._id)).map((entry) => entry.ref.id));
  return lots.map((lot) => (recorded.has(lot._id) ? 'recorded' : 'nothing'));
}

/**
 * recordChunk over a page, a few chunks at once; each chunk keeps its own order (marking, then
 * entries). A chunk that fails fails the page once every chunk has stopped: the job does the
 * page again, since buckets it marked would not come up in a later sweep.
 */
export async function recordExpiries(ctx: RequestContext, lots: Pick<PointLotDoc, '_id' | 'memberId'>[]): Promise<ExpiryOutcome[]> {
  const chunks = Array.from({ length: Math.ceil(lots.length / CHUNK) }, (_, i) => lots.slice(i * CHUNK, (i + 1) * CHUNK));
  const done: ExpiryOutcome[][] = [];
  const failures: unknown[] = [];
  await eachLimited(chunks, IN_FLIGHT, async (chunk, index) => {
    done[index] = await recordChunk(ctx, chunk).catch((error: unknown) => {
      failures.push(error);
      return [];
    });
  });
  if (failures.length > 0) throw failures[0];
  return done.flat();
}
