import type { MemberPoints, PointLotDoc } from '~/types/points';
import { RuleError } from '../rule-error';
import type { EntryDraft, LedgerState, Posting } from './ledger-plans';
import { planClawback, planCredit, planExpire, planPendingEarn, planRefundSpend, planRelease, planSpend } from './ledger-plans';
import { pendingLotId } from './lots';

const NOV_5 = Date.UTC(2026, 10, 5, 4); // 12:00 in Shanghai
const DEC_20 = Date.UTC(2026, 11, 20, 4);
const draft = (kind: EntryDraft['kind']): EntryDraft => ({ kind, reason: kind, ref: { type: 'admin', id: 'x' } });

/** An in-memory member: applies postings as the server does inside its transaction. */
class Member {
  points: MemberPoints = { available: 0, pending: 0, lifetimeEarned: 0, openBuckets: [] };
  lots = new Map<string, PointLotDoc>();

  state(now: number): LedgerState {
    return { memberId: 'm1', points: this.points, lots: new Map(this.lots), now };
  }

  apply(posting: Posting): Posting {
    for (const lot of posting.lots) this.lots.set(lot._id, lot);
    this.points = posting.points;
    return posting;
  }

  /** Every bucket keeps remaining = earned − spent − expired − clawed back, never below zero. */
  checkBuckets(): void {
    for (const lot of this.lots.values()) {
      if (lot.kind !== 'bucket') continue;
      expect(lot.remaining).toBeGreaterThanOrEqual(0);
      expect(lot.remaining).toBe(lot.earned - lot.spent - lot.expired - lot.clawedBack);
    }
    const inBuckets = [...this.lots.values()].filter((l) => l.kind === 'bucket' && l.state === 'open').reduce((s, l) => s + l.remaining, 0);
    expect(this.points.available).toBe(this.points.available < 0 ? this.points.available : inBuckets);
    if (this.points.available < 0) expect(inBuckets).toBe(0);
  }
}

describe('points ledger plans', () => {
  it('credits into the bucket of the expiry month and spends the soonest-expiring points first', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    m.apply(planCredit(m.state(DEC_20), draft('checkin'), 50, 12));
    expect(m.points.openBuckets).toEqual(['bucket:m1:2027-11', 'bucket:m1:2027-12']);
    const spend = m.apply(planSpend(m.state(DEC_20), draft('spend'), 120));
    expect(spend.entry.lots).toEqual([
      { lotId: 'bucket:m1:2027-11', points: -100 },
      { lotId: 'bucket:m1:2027-12', points: -20 },
    ]);
    expect(m.points).toMatchObject({ available: 30, lifetimeEarned: 150, openBuckets: ['bucket:m1:2027-12'] });
    m.checkBuckets();
  });

  it('refuses to spend more than is spendable, and never spends an expired bucket', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 100, 12));
    expect(() => planSpend(m.state(NOV_5), draft('spend'), 101)).toThrow(RuleError);
    const afterExpiry = Date.UTC(2027, 11, 1);
    expect(() => planSpend(m.state(afterExpiry), draft('spend'), 1)).toThrow(/积分不足/);
    const expired = m.apply(planExpire(m.state(afterExpiry), draft('expire'), 'bucket:m1:2027-11'));
    expect(expired.entry.available).toBe(-100);
    expect(m.points.available).toBe(0);
    expect(() => planExpire(m.state(afterExpiry), draft('expire'), 'bucket:m1:2027-11')).toThrow(/nothing to expire/);
    m.checkBuckets();
  });

  it('expires points at the end of the 12th month after the month earned, in Shanghai', () => {
    const m = new Member();
    m.apply(planCredit(m.state(NOV_5), draft('checkin'), 10, 12));
    const lastInstant = Date.UTC(2027, 10, 30, 15, 59, 59, 999);
    expect(() => planExpire(m.state(lastInstant), draft('expire'), 'bucket:m1:2027-11')).toThrow(/not expired/);
    expect(planExpire(m.state(lastInstant + 1), draft('expire'), 'bucket:m1:2027-11').entry.available).toBe(-10);
  });

  it('holds purchase points pending, then releases them into the bucket of their expiry month', () => {
    const m = new Member();
    const until = NOV_5 + 7 * 86_400_000;
    m.apply(planPendingEarn(m.state(NOV_5), draft('earn'), 'earn:order:o1', 200, until, 12));
    expect(m.points).toMatchObject({ available: 0, pending: 200, lifetimeEarned: 200 });
    expect(() => planRelease(m.state(until - 1), draft('release'), pendingLotId('earn:order:o1'))).toThrow(/pending until/);
    const release = m.apply(planRelease(m.state(until), draft('release'), pendingLotId('earn:order:o1')));
    expect(release.entry).toMatchObject({ available: 200, pending: -200 });
    expect(m.points).toMatchObject({ available: 200, pending: 0, openBuckets: ['bucket:m1:2027-11'] });
    expect(() => planRelease(m.state(until), draft('release'), pendingLotId('earn:order:o1'))).toThrow(/not pending/);
    m.checkBuckets();
  });

  it('claws back from the pending lot while pending, and below zero when the points were already spent', () => {
    const m = new Member();
    m.apply(planPendingEarn(m.state(NOV_5), draft('earn'), 'earn:order:o1', 200, NOV_5, 12));
    m.apply(planClawback(m.state(NOV_5), draft('clawback'), 'earn:order:o1', 50));
    expect(m.points).toMatchObject({ pending: 150, lifetimeEarned: 150 });
    m.apply(planRelease(m.state(NOV_5), draft('release'), pendingLotId('earn:order:o1')));
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
