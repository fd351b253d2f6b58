import type { EpochMs, Points } from './units';

export type LedgerKind = 'earn' | 'release' | 'checkin' | 'profile' | 'adjust' | 'spend' | 'refund' | 'clawback' | 'expire';

/** What an entry refers to. */
export interface LedgerRef {
  type: 'order' | 'sale' | 'reward' | 'checkin' | 'profile' | 'admin' | 'expiry';
  id: string;
}

/** The rules in force when points were earned, so a reversal undoes exactly that award. */
export interface EarnSnapshot {
  earnPerYuan: number;
  pointsMultiplierPercent: number;
  tierId: string;
  /** Points per order line, so a partial refund claws back exactly what those lines earned. */
  lines?: { lineId: string; paidFen: number; points: Points }[];
}

/**
 * `ledger_entries`: append-only. `_id` is the natural idempotency key
 * (`earn:order:<orderId>`, `checkin:<memberId>:<YYYY-MM-DD>`, …); corrections are new entries.
 */
export interface LedgerEntryDoc {
  _id: string;
  memberId: string;
  kind: LedgerKind;
  /** Signed change to the available balance. */
  available: Points;
  /** Signed change to pending points. */
  pending: Points;
  /** Readable reason shown in the member's history, in Chinese. */
  reason: string;
  ref: LedgerRef;
  /** Signed changes per lot, e.g. which buckets a spend consumed. */
  lots: { lotId: string; points: Points }[];
  snapshot?: EarnSnapshot;
  /** Extra facts of the entry (e.g. the check-in streak). */
  details?: Record<string, number | string>;
  balanceAfter: { available: Points; pending: Points };
  createdAt: EpochMs;
}

/**
 * `point_lots`. A bucket holds the available points of one member that expire together (all
 * earned in one Shanghai month); a pending lot holds one award until its return window closes.
 */
export interface PointLotDoc {
  _id: string;
  memberId: string;
  kind: 'bucket' | 'pending';
  /**
   * A bucket's points change only while it is `open`. The expiry job marks a bucket `expired`
   * before it records the bucket's expiry entry, so a posting that read it open can no longer
   * commit a change to it.
   */
  state: 'open' | 'expired' | 'pending' | 'released' | 'clawedback';
  /**
   * Points still in the lot: spendable (open bucket) or still pending (pending lot). An expired
   * bucket keeps what was left in it when it expired, so a bucket always holds
   * remaining = earned − spent − clawedBack (a refunded spend counts back off `spent`).
   */
  remaining: Points;
  expiresAt: EpochMs;
  /** Pending lots only: when the points become available. */
  pendingUntil: EpochMs | null;
  /** Pending lots only: the earn entry that created it. */
  entryId: string | null;
  earned: Points;
  spent: Points;
  clawedBack: Points;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** What one of the member's buckets holds, as the member's cached points know it. */
export interface BucketBalance {
  id: string;
  expiresAt: EpochMs;
  points: Points;
}

/**
 * The member's cached points, changed in the same transaction as every entry the member's own
 * postings write. Points leave the balance the instant their bucket expires: a bucket listed
 * here whose `expiresAt` has passed no longer counts (see availableAt), and the member's next
 * posting drops it, recording its expiry entry unless the expiry job already has.
 */
export interface MemberPoints {
  /**
   * The balance as of the member's last posting, counting every bucket listed in `buckets`;
   * negative only after a claw-back of points already spent. What can be spent now is availableAt.
   */
  available: Points;
  pending: Points;
  lifetimeEarned: Points;
  /** The buckets with points left (or expired since the last posting), soonest expiry first. */
  buckets: BucketBalance[];
}
