import type { BucketBalance, LedgerEntryDoc, MemberPoints } from '~/types/points';
import type { EpochMs, Points } from '~/types/units';

/**
 * A bucket is good through its `expiresAt` instant; after it, its points have left the balance,
 * whether or not anything has recorded that yet.
 */
export const hasExpired = (bucket: Pick<BucketBalance, 'expiresAt'>, now: EpochMs): boolean => bucket.expiresAt < now;

/** The buckets in the member's cached points that have expired since the member's last posting, soonest first. */
export function expiredBuckets(points: MemberPoints, now: EpochMs): BucketBalance[] {
  return points.buckets.filter((bucket) => hasExpired(bucket, now));
}

/** What the member can spend at `now`: the cached balance without the buckets that have expired since. */
export function availableAt(points: MemberPoints, now: EpochMs): Points {
  return points.available - expiredBuckets(points, now).reduce((sum, bucket) => sum + bucket.points, 0);
}

/** An expiry entry, as the ledger holds it under expiryEntryId(bucket), dated the instant the points expired. */
export type ExpiryEntry = Omit<LedgerEntryDoc, '_id'>;

/**
 * The expiry entries of the member's buckets that have expired since the last posting, soonest
 * first, each with the balance after it and dated the first instant after its bucket's month:
 * the same entries whether the member's next posting or the expiry job records them.
 */
export function expiryEntries(memberId: string, points: MemberPoints, now: EpochMs): { bucketId: string; entry: ExpiryEntry }[] {
  let available = points.available;
  return expiredBuckets(points, now).map((bucket) => {
    available -= bucket.points;
    return {
      bucketId: bucket.id,
      entry: {
        memberId,
        kind: 'expire',
        available: -bucket.points,
        pending: 0,
        reason: '积分过期',
        ref: { type: 'expiry', id: bucket.id },
        lots: [{ lotId: bucket.id, points: -bucket.points }],
        balanceAfter: { available, pending: points.pending },
        createdAt: bucket.expiresAt + 1,
      },
    };
  });
}
