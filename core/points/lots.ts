import type { PointLotDoc } from '~/types/points';
import type { EpochMs, Points } from '~/types/units';
import { endOfMonthAfter, monthOf } from '../calendar/shanghai';

/** Bucket of a member's points that expire at the end of the Shanghai month `expiryMonth`. */
export function bucketId(memberId: string, expiryMonth: string): string {
  return `bucket:${memberId}:${expiryMonth}`;
}

/** The expiry entry of a bucket: written once, by the member's next posting or by the expiry job, whichever comes first. */
export function expiryEntryId(bucketId: string): string {
  return `expire:${bucketId}`;
}

/** Pending lot of one earn entry. */
export function pendingLotId(entryId: string): string {
  return `pending:${entryId}`;
}

/** When points earned at `earnedAt` expire: the end of the `months`-th month after (Shanghai). */
export function expiryOf(earnedAt: EpochMs, months: number): { expiresAt: EpochMs; month: string } {
  const expiresAt = endOfMonthAfter(earnedAt, months);
  return { expiresAt, month: monthOf(expiresAt) };
}

/** An empty lot document, for a lot created by this entry. */
export function newLot(
  fields: Pick<PointLotDoc, '_id' | 'memberId' | 'kind' | 'state' | 'expiresAt'> & Partial<PointLotDoc>,
  now: EpochMs,
): PointLotDoc {
  return {
    remaining: 0,
    pendingUntil: null,
    entryId: null,
    earned: 0,
    spent: 0,
    clawedBack: 0,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** Points in buckets that can still be spent at `now`: a bucket is good through its `expiresAt` instant; after it, it waits for the expiry job, unspendable. */
export function spendable(buckets: PointLotDoc[], now: EpochMs): Points {
  return buckets.filter((lot) => lot.state === 'open' && lot.expiresAt >= now).reduce((sum, lot) => sum + lot.remaining, 0);
}

/**
 * Takes `points` from buckets, soonest expiry first, skipping expired ones. Answers how much each
 * bucket gives; the caller has checked that enough is spendable.
 */
export function consumeFifo(buckets: PointLotDoc[], points: Points, now: EpochMs): { lotId: string; points: Points }[] {
  const order = buckets
    .filter((lot) => lot.state === 'open' && lot.expiresAt >= now && lot.remaining > 0)
    .sort((a, b) => a.expiresAt - b.expiresAt || a._id.localeCompare(b._id));
  const taken: { lotId: string; points: Points }[] = [];
  let left = points;
  for (const lot of order) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    taken.push({ lotId: lot._id, points: take });
    left -= take;
  }
  if (left > 0) throw new Error(`consumeFifo: ${left} points short`);
  return taken;
}
