import { DAY_MS } from '../calendar/durations';
import type { MemberPoints, PointLotDoc } from '~/types/points';
import type { EntryDraft, LedgerState, Posting } from './ledger-plans';
import { availableAt } from './expiry';
import { planClawback, planCredit, planPendingEarn, planRefundSpend, planRelease, planSpend } from './ledger-plans';
import { pendingLotId } from './lots';
import { CodedError } from '~/core/coded-error';

const NOV_5 = Date.UTC(2026, 10, 5, 4); // 12:00 in Shanghai
const DEC_20 = Date.UTC(2026, 11, 20, 4);
const draft = (kind: EntryDraft['kind']): EntryDraft => ({ kind, reason: kind, ref: { type: 'admin', id: 'x' } });

/** An in-memory member: applies postings as the server does inside its transaction. */
class Member {
  points: MemberPoints = { available: 0, pending: 0, lifetimeEarned: 0, buckets: [] };
  lots = new Map<string, PointLotDoc>();
  /** Expiry entries written, by bucket. */
  expiries = new Map<string, Posting['expiries'][number]['entry']>();

  state(now: number, recordedExpiries = new Set(this.expiries.keys())): LedgerState {
    return { memberId: 'm1', points: this.points, lots: new Map(this.lots), recordedExpiries, now };
  }

  apply(posting: Posting): Posting {
    for (const { bucketId, entry } of posting.expiries) {
      expect(this.expiries.has(bucketId)).toBe(false);
      this.expiries.set(bucketId, entry);
    }
    for (const lot of posting.lots) this.lots.set(lot._id, lot);
    this.points = posting.points;
    return posting;
  }

  /** Every bucket keeps remaining = earned − spent − clawed back, never below zero; the cached points list exactly the open buckets with points. */
  checkBuckets(): void {
    for (const lot of this.lots.values()) {
      if (lot.kind !== 'bucket') continue;
      expect(lot.remaining).toBeGreaterThanOrEqual(0);
      expect(lot.remaining).toBe(lot.earned - lot.spent - lot.clawedBack);
    }
    const open = [...this.lots.values()].filter((l) => l.kind === 'bucket' && l.state === 'open' && l.remaining > 0);
    expect(this.points.buckets).toEqual(
      open.sort((a, b) => a.expiresAt - b.expiresAt).map((l) => ({ id: l._id, expiresAt: l.expiresAt, points: l.remaining })),
    );
    const inBuckets = open.reduce((s, l) => s + l.remaining, 0);
    expect(this.points.available).toBe(this.points.available < 0 ? this.points.available : inBuckets);
    if (this.points.available < 0) expect(inBuckets).toBe(0);
  }
}

describe('points ledger plans', () => {
  it('credits into the bucket of the expiry month and spends the soonest-expiring points first', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    m.apply(planCredit(m.state(DEC_20), draft('checkin'), 50, 12));
    expect(m.points.buckets.map((b) => b.id)).toEqual(['bucket:m1:2027-11', 'bucket:m1:2027-12']);
    const spend = m.apply(planSpend(m.state(DEC_20), draft('spend'), 120));
    expect(spend.entry.lots).toEqual([
      { lotId: 'bucket:m1:2027-11', points: -100 },
      { lotId: 'bucket:m1:2027-12', points: -20 },
    ]);
    expect(m.points).toMatchObject({ available: 30, lifetimeEarned: 150, buckets: [{ id: 'bucket:m1:2027-12', points: 30 }] });
    m.checkBuckets();
  });

  it('refuses to spend more than is spendable, and never spends an expired bucket', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    expect(() => planSpend(m.state(NOV_5), draft('spend'), 101)).toThrow(CodedError);
    const afterExpiry = Date.UTC(2027, 11, 1);
    expect(availableAt(m.points, afterExpiry)).toBe(0);
    expect(() => planSpend(m.state(afterExpiry), draft('spend'), 1)).toThrow(/积分不足/);
    m.checkBuckets();
  });

  it('expires points at the end of the 12th month after the month earned, in Shanghai', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 10, 12));
    const lastInstant = Date.UTC(2027, 10, 30, 15, 59, 59, 999);
    expect(availableAt(m.points, lastInstant)).toBe(10);
    expect(planSpend(m.state(lastInstant), draft('spend'), 10).expiries).toEqual([]);
    expect(availableAt(m.points, lastInstant + 1)).toBe(0);
  });

  it("the member's next posting records an expiry nothing has recorded, before its own entry", () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    m.apply(planCredit(m.state(DEC_20), draft('checkin'), 40, 12));
    const afterExpiry = Date.UTC(2027, 11, 1);
    const checkin = m.apply(planCredit(m.state(afterExpiry), draft('checkin'), 5, 12));
    expect(checkin.expiries).toEqual([
      {
        bucketId: 'bucket:m1:2027-11',
        entry: expect.objectContaining({
          kind: 'expire',
          available: -100,
          lots: [{ lotId: 'bucket:m1:2027-11', points: -100 }],
          balanceAfter: { available: 40, pending: 0 },
        }),
      },
    ]);
    expect(checkin.entry).toMatchObject({ available: 5, balanceAfter: { available: 45, pending: 0 } });
    expect(m.lots.get('bucket:m1:2027-11')).toMatchObject({ state: 'expired', remaining: 100 });
    expect(m.points).toMatchObject({
      available: 45,
      buckets: [
        { id: 'bucket:m1:2027-12', points: 40 },
        { id: 'bucket:m1:2028-12', points: 5 },
      ],
    });
    m.checkBuckets();
    // The next posting has nothing more to record.
    expect(m.apply(planSpend(m.state(afterExpiry), draft('spend'), 45)).expiries).toEqual([]);
    m.checkBuckets();
  });

  it('an expiry the expiry job already recorded is dropped from the cached points without a second entry', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    const afterExpiry = Date.UTC(2027, 11, 1);
    const job = new Set(['bucket:m1:2027-11']);
    const posting = m.apply(planCredit(m.state(afterExpiry, job), draft('checkin'), 5, 12));
    expect(posting.expiries).toEqual([]);
    expect(posting.entry.balanceAfter.available).toBe(5);
    expect(m.points.buckets.map((b) => b.id)).toEqual(['bucket:m1:2028-12']);
    m.checkBuckets();
  });

  it('holds purchase points pending, then releases them into the bucket of their expiry month', () => {
    const m = new Member();
    const until = NOV_5 + 7 * DAY_MS;
    m.apply(planPendingEarn(m.state(NOV_5), draft('earn'), 'earn:order:o1', 200, until, 12));
    expect(m.points).toMatchObject({ available: 0, pending: 200, lifetimeEarned: 200 });
    expect(() => planRelease(m.state(until - 1), draft('release'), pendingLotId('earn:order:o1'), 12)).toThrow(/pending until/);
    const release = m.apply(planRelease(m.state(until), draft('release'), pendingLotId('earn:order:o1'), 12));
    expect(release.entry).toMatchObject({ available: 200, pending: -200 });
    expect(m.points).toMatchObject({ available: 200, pending: 0, buckets: [{ id: 'bucket:m1:2027-11', points: 200 }] });
    expect(() => planRelease(m.state(until), draft('release'), pendingLotId('earn:order:o1'), 12)).toThrow(/not pending/);
    m.checkBuckets();
  });

  it('releases points whose month has already ended into the bucket of points earned now, not into the expired bucket', () => {
    const m = new Member();
    m.apply(planPendingEarn(m.state(NOV_5), draft('earn'), 'earn:order:o1', 80, NOV_5, 12));
    const yearLate = Date.UTC(2027, 11, 3);
    m.apply(planRelease(m.state(yearLate), draft('release'), pendingLotId('earn:order:o1'), 12));
    expect(m.points).toMatchObject({ available: 80, buckets: [{ id: 'bucket:m1:2028-12', points: 80 }] });
    expect(availableAt(m.points, yearLate)).toBe(80);
    m.checkBuckets();
  });

  it('claws back from the pending lot while pending, and below zero when the points were already spent', () => {
    const m = new Member();
    m.apply(planPendingEarn(m.state(NOV_5), draft('earn'), 'earn:order:o1', 200, NOV_5, 12));
    m.apply(planClawback(m.state(NOV_5), draft('clawback'), 'earn:order:o1', 50));
    expect(m.points).toMatchObject({ pending: 150, lifetimeEarned: 150 });
    m.apply(planRelease(m.state(NOV_5), draft('release'), pendingLotId('earn:order:o1'), 12));
    m.apply(planSpend(m.state(NOV_5), draft('spend'), 120));
    m.apply(planClawback(m.state(NOV_5), draft('clawback'), 'earn:order:o1', 100));
    expect(m.points.available).toBe(-70);
    m.checkBuckets();
    expect(() => planSpend(m.state(NOV_5), draft('spend'), 1)).toThrow(/为负/);
    // New points pay the deficit back first.
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    expect(m.points.available).toBe(30);
    m.checkBuckets();
  });

  it('a refunded spend returns exactly what it took, to the same buckets', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    m.apply(planCredit(m.state(DEC_20), draft('checkin'), 100, 12));
    const spend = m.apply(planSpend(m.state(DEC_20), draft('spend'), 150));
    const refund = m.apply(planRefundSpend(m.state(DEC_20), draft('refund'), { kind: 'spend', lots: spend.entry.lots }, 12));
    expect(refund.entry.lots).toEqual(spend.entry.lots.map((l) => ({ lotId: l.lotId, points: -l.points })));
    expect(m.points.available).toBe(200);
    m.checkBuckets();
  });

  it('a refund after the spent bucket expired comes back spendable, in the bucket of points earned now', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 400, 12));
    const spend = m.apply(planSpend(m.state(NOV_5), draft('spend'), 400));
    const later = Date.UTC(2027, 11, 5);
    const refund = m.apply(planRefundSpend(m.state(later), draft('refund'), { kind: 'spend', lots: spend.entry.lots }, 12));
    expect(refund.entry.lots).toEqual([{ lotId: 'bucket:m1:2028-12', points: 400 }]);
    expect(planSpend(m.state(later), draft('spend'), 400).entry.available).toBe(-400);
    m.checkBuckets();
  });

  it('rejects zero, negative and fractional amounts', () => {
    const m = new Member();
    for (const points of [0, -5, 1.5]) expect(() => planCredit(m.state(NOV_5), draft('checkin'), points, 12)).toThrow(/positive whole/);
  });
});
