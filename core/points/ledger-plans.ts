import type { BucketBalance, EarnSnapshot, LedgerEntryDoc, LedgerKind, LedgerRef, MemberPoints, PointLotDoc } from '~/types/points';
import type { EpochMs, Points } from '~/types/units';
import { monthOf } from '../calendar/shanghai';
import type { ExpiryEntry } from './expiry';
import { availableAt, expiryEntries, hasExpired } from './expiry';
import { bucketId, consumeFifo, expiryOf, newLot, pendingLotId, spendable } from './lots';
import { CodedError } from '~/core/coded-error';

/** What a posting reads inside its transaction: the member's cached points and the lots it may touch. */
export interface LedgerState {
  memberId: string;
  points: MemberPoints;
  /**
   * The lots the posting needs (the member's buckets for a spend, the lots it names) and every
   * bucket in the cached points that has expired; a missing id is a lot that does not exist yet.
   */
  lots: Map<string, PointLotDoc>;
  /** Expired buckets whose expiry entry is already in the ledger (the expiry job wrote it). */
  recordedExpiries?: ReadonlySet<string>;
  now: EpochMs;
}

/** The describing part of an entry. */
export interface EntryDraft {
  kind: LedgerKind;
  reason: string;
  ref: LedgerRef;
  snapshot?: EarnSnapshot;
  details?: Record<string, number | string>;
}

/**
 * Everything one entry writes: the entry, the lots it changed or created, the member's new
 * points, and first the expiry entries of buckets that expired since the member's last posting
 * and that nothing has recorded yet (each under expiryEntryId of its bucket).
 */
export interface Posting {
  expiries: { bucketId: string; entry: ExpiryEntry }[];
  entry: Omit<LedgerEntryDoc, '_id' | 'createdAt'>;
  lots: PointLotDoc[];
  points: MemberPoints;
}

/**
 * Accumulates one entry's effects on a working copy of the member's points and lots, keeping
 * the invariants: a bucket never goes below zero, and the available balance is negative only
 * when every bucket is empty (a claw-back of points already spent); new credits pay that back first.
 * It starts by dropping the buckets that have expired since the member's last posting: their
 * points left the balance at expiry, so the entry's balance is the one the member sees.
 */
class PostingBuilder {
  private readonly lots: Map<string, PointLotDoc>;
  private readonly changed = new Set<string>();
  private readonly deltas = new Map<string, Points>();
  private readonly expiries: Posting['expiries'];
  private readonly kept: BucketBalance[];
  private available: Points;
  private pending: Points;
  private lifetimeEarned: Points;
  private availableDelta = 0;
  private pendingDelta = 0;

  constructor(private readonly state: LedgerState) {
    this.lots = new Map([...state.lots].map(([id, lot]) => [id, { ...lot }]));
    this.available = availableAt(state.points, state.now);
    this.pending = state.points.pending;
    this.lifetimeEarned = state.points.lifetimeEarned;
    this.kept = state.points.buckets.filter((bucket) => !hasExpired(bucket, state.now));
    const expiries = expiryEntries(state.memberId, state.points, state.now);
    for (const { bucketId: id } of expiries) {
      const lot = this.lots.get(id);
      if (lot?.state === 'open') {
        lot.state = 'expired';
        this.touch(lot, 0);
      }
    }
    this.expiries = expiries.filter(({ bucketId: id }) => !state.recordedExpiries?.has(id));
  }

  lot(id: string): PointLotDoc | undefined {
    return this.lots.get(id);
  }

  private touch(lot: PointLotDoc, delta: Points): void {
    lot.updatedAt = this.state.now;
    this.lots.set(lot._id, lot);
    this.changed.add(lot._id);
    if (delta !== 0) this.deltas.set(lot._id, (this.deltas.get(lot._id) ?? 0) + delta);
  }

  /** The bucket for points expiring at `expiresAt`, created if missing. */
  bucketFor(expiresAt: EpochMs, month: string): PointLotDoc {
    const id = bucketId(this.state.memberId, month);
    const found = this.lots.get(id);
    if (found) return found;
    return newLot({ _id: id, memberId: this.state.memberId, kind: 'bucket', state: 'open', expiresAt }, this.state.now);
  }

  /** Adds available points into `bucket`, paying back a negative balance first. */
  credit(points: Points, bucket: PointLotDoc, counts: 'earned' | 'refund'): void {
    if (points <= 0) return;
    const payBack = Math.min(points, Math.max(0, -this.available));
    const rest = points - payBack;
    this.available += points;
    this.availableDelta += points;
    if (rest > 0) {
      // A bucket's points change only while it is open: a closed one has had (or is having) its expiry recorded.
      if (bucket.state !== 'open') throw new Error(`credit: bucket ${bucket._id} is ${bucket.state}`);
      bucket.remaining += rest;
      if (counts === 'earned') bucket.earned += rest;
      else bucket.spent -= rest;
      this.touch(bucket, rest);
    }
  }

  /** Spends `points` from buckets, soonest expiry first; fails when not enough is spendable. */
  spend(points: Points): void {
    if (this.available < 0) {
      throw new CodedError('NEGATIVE_BALANCE', '积分余额为负，需先通过消费或签到补足后才能使用积分', { available: this.available });
    }
    const buckets = [...this.lots.values()].filter((lot) => lot.kind === 'bucket');
    const usable = spendable(buckets, this.state.now);
    if (usable < points)
      throw new CodedError('INSUFFICIENT_POINTS', `积分不足：需要 ${points}，可用 ${usable}`, { needed: points, usable });
    for (const { lotId, points: take } of consumeFifo(buckets, points, this.state.now)) {
      const lot = this.lots.get(lotId) as PointLotDoc;
      lot.remaining -= take;
      lot.spent += take;
      this.touch(lot, -take);
    }
    this.available -= points;
    this.availableDelta -= points;
  }

  /** Takes back `points` of available balance: first from `preferred`, then soonest expiry first, then below zero. */
  clawBackAvailable(points: Points, preferred: string | null): void {
    let left = points;
    const order = [...this.lots.values()]
      .filter((lot) => lot.kind === 'bucket' && lot.state === 'open' && !hasExpired(lot, this.state.now) && lot.remaining > 0)
      .sort((a, b) => Number(b._id === preferred) - Number(a._id === preferred) || a.expiresAt - b.expiresAt);
    for (const lot of order) {
      if (left === 0) break;
      const take = Math.min(lot.remaining, left);
      lot.remaining -= take;
      lot.clawedBack += take;
      this.touch(lot, -take);
      left -= take;
    }
    this.available -= points;
    this.availableDelta -= points;
    this.lifetimeEarned -= points;
  }

  addPending(lot: PointLotDoc, points: Points): void {
    lot.remaining += points;
    this.pending += points;
    this.pendingDelta += points;
    this.touch(lot, points);
  }

  removePending(lot: PointLotDoc, points: Points, as: 'released' | 'clawedback'): void {
    lot.remaining -= points;
    if (as === 'clawedback') {
      lot.clawedBack += points;
      this.lifetimeEarned -= points;
    }
    if (lot.remaining === 0) lot.state = as;
    this.pending -= points;
    this.pendingDelta -= points;
    this.touch(lot, -points);
  }

  earned(points: Points): void {
    this.lifetimeEarned += points;
  }

  build(draft: EntryDraft): Posting {
    const lots = [...this.changed].map((id) => this.lots.get(id) as PointLotDoc);
    // Only the buckets this entry touched can join, leave or change in the list; the posting may not have read the others.
    const buckets = new Map(this.kept.map((bucket) => [bucket.id, bucket]));
    for (const lot of lots) {
      if (lot.kind !== 'bucket') continue;
      if (lot.state === 'open' && lot.remaining > 0 && !hasExpired(lot, this.state.now))
        buckets.set(lot._id, { id: lot._id, expiresAt: lot.expiresAt, points: lot.remaining });
      else buckets.delete(lot._id);
    }
    return {
      expiries: this.expiries,
      entry: {
        memberId: this.state.memberId,
        kind: draft.kind,
        available: this.availableDelta,
        pending: this.pendingDelta,
        reason: draft.reason,
        ref: draft.ref,
        lots: [...this.deltas].map(([lotId, points]) => ({ lotId, points })),
        ...(draft.snapshot ? { snapshot: draft.snapshot } : {}),
        ...(draft.details ? { details: draft.details } : {}),
        balanceAfter: { available: this.available, pending: this.pending },
      },
      lots,
      points: {
        available: this.available,
        pending: this.pending,
        lifetimeEarned: this.lifetimeEarned,
        buckets: [...buckets.values()].sort((a, b) => a.expiresAt - b.expiresAt || a.id.localeCompare(b.id)),
      },
    };
  }
}

const positive = (points: Points) => {
  if (!Number.isInteger(points) || points <= 0) throw new CodedError('VALIDATION_FAILED', 'points must be a positive whole number');
};

/** Points credited at once (check-in, profile bonus, admin addition), expiring with the month earned. */
export function planCredit(state: LedgerState, draft: EntryDraft, points: Points, expiryMonths: number): Posting {
  positive(points);
  const builder = new PostingBuilder(state);
  const { expiresAt, month } = expiryOf(state.now, expiryMonths);
  builder.credit(points, builder.bucketFor(expiresAt, month), 'earned');
  builder.earned(points);
  return builder.build(draft);
}

/** Purchase points held pending in a lot of their own; `pendingUntil` is null until the return window starts. */
export function planPendingEarn(
  state: LedgerState,
  draft: EntryDraft,
  entryId: string,
  points: Points,
  pendingUntil: EpochMs | null,
  expiryMonths: number,
): Posting {
  positive(points);
  const builder = new PostingBuilder(state);
  const { expiresAt } = expiryOf(state.now, expiryMonths);
  const lot = newLot(
    {
      _id: pendingLotId(entryId),
      memberId: state.memberId,
      kind: 'pending',
      state: 'pending',
      expiresAt,
      pendingUntil,
      entryId,
      earned: points,
    },
    state.now,
  );
  builder.addPending(lot, points);
  builder.earned(points);
  return builder.build(draft);
}

/** A pending lot whose return window has closed becomes available, in the bucket of its expiry month. */
export function planRelease(state: LedgerState, draft: EntryDraft, lotId: string, expiryMonths: number): Posting {
  const builder = new PostingBuilder(state);
  const lot = builder.lot(lotId);
  if (!lot || lot.kind !== 'pending' || lot.state !== 'pending') throw new CodedError('INVALID_STATE', `lot ${lotId} is not pending`);
  if (lot.pendingUntil === null || lot.pendingUntil > state.now) {
    throw new CodedError('INVALID_STATE', `lot ${lotId} is pending until ${lot.pendingUntil ?? 'its return window starts'}`);
  }
  const points = lot.remaining;
  builder.removePending(lot, points, 'released');
  // Into the bucket of its expiry month while that is open; released after it (an order completed a year late, or a
  // release job's sweep that began before the month ended), into the bucket of points earned now.
  const own = builder.bucketFor(lot.expiresAt, expiryMonthKey(lot.expiresAt));
  const { expiresAt, month } = expiryOf(state.now, expiryMonths);
  builder.credit(points, own.state === 'open' && !hasExpired(lot, state.now) ? own : builder.bucketFor(expiresAt, month), 'earned');
  return builder.build(draft);
}

/** Spends points (redeeming a reward, paying part of an order), soonest-expiring points first. */
export function planSpend(state: LedgerState, draft: EntryDraft, points: Points): Posting {
  positive(points);
  const builder = new PostingBuilder(state);
  builder.spend(points);
  return builder.build(draft);
}

/**
 * Gives back exactly what a spend took (a cancelled redemption or order), to the same buckets;
 * points whose bucket has expired meanwhile come back into the bucket of points earned now, so
 * they can be spent again rather than sit in a bucket the expiry job has already closed.
 */
export function planRefundSpend(
  state: LedgerState,
  draft: EntryDraft,
  spend: Pick<LedgerEntryDoc, 'lots' | 'kind'>,
  expiryMonths: number,
): Posting {
  if (spend.kind !== 'spend') throw new CodedError('INVALID_STATE', 'only a spend can be refunded');
  const builder = new PostingBuilder(state);
  for (const { lotId, points } of spend.lots) {
    const lot = builder.lot(lotId);
    if (!lot) throw new Error(`refund: bucket ${lotId} was not loaded`);
    if (lot.state === 'open' && !hasExpired(lot, state.now)) {
      builder.credit(-points, lot, 'refund');
    } else {
      const { expiresAt, month } = expiryOf(state.now, expiryMonths);
      builder.credit(-points, builder.bucketFor(expiresAt, month), 'earned');
    }
  }
  return builder.build(draft);
}

/**
 * Takes back points an order earned when it is refunded: from the pending lot while it is
 * pending, otherwise from the available balance (which may go below zero if they were spent).
 */
export function planClawback(state: LedgerState, draft: EntryDraft, earnEntryId: string, points: Points): Posting {
  positive(points);
  const builder = new PostingBuilder(state);
  const lot = builder.lot(pendingLotId(earnEntryId));
  if (!lot) throw new Error(`clawback: pending lot of ${earnEntryId} was not loaded`);
  const fromPending = lot.state === 'pending' ? Math.min(points, lot.remaining) : 0;
  if (fromPending > 0) builder.removePending(lot, fromPending, 'clawedback');
  const rest = points - fromPending;
  if (rest > 0) builder.clawBackAvailable(rest, bucketId(state.memberId, expiryMonthKey(lot.expiresAt)));
  return builder.build(draft);
}

/** `YYYY-MM` of an expiry instant in Shanghai: the key of its bucket. */
export function expiryMonthKey(expiresAt: EpochMs): string {
  return monthOf(expiresAt);
}
