import type { TierOverride } from '~/types/documents';
import { DAY_MS } from '../calendar/durations';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from './default-programme';
import { activeOverride, holdsTier, tierUnderOverride } from './override';
import { tierProgress } from './progress';
import type { ReviewedMember } from './review';
import { reviewLookAt, reviewTier } from './review';

const tiers = [...DEFAULT_TIERS];
const review = DEFAULT_PROGRAMME.tierReview;
/** 10:00 on 1 March 2026 in Shanghai. */
const SINCE = Date.UTC(2026, 2, 1, 2);
const YEAR = 365 * DAY_MS;
const UNTIL = SINCE + 90 * DAY_MS;

const override = (kind: TierOverride['kind'], tierId: string, until = UNTIL): TierOverride => ({
  tierId,
  kind,
  until,
  reason: '大客户',
  by: 'ops',
  at: SINCE,
  requestKey: 'k-12345678',
  fromTierId: 'silver',
  replaced: null,
});

const decide = (member: ReviewedMember, spendFen: number, now: number) => reviewTier({ member, tiers, spendFen, now, review });

describe('tier overrides', () => {
  it('is active until its end, and names the tier it gives', () => {
    const floor = override('floor', 'gold');
    expect(activeOverride({ tierOverride: floor }, UNTIL - 1)).toBe(floor);
    expect(activeOverride({ tierOverride: floor }, UNTIL)).toBeNull();
    expect(activeOverride({}, SINCE)).toBeNull();
    expect(tierUnderOverride(tiers, 'silver', floor)?._id).toBe('gold');
    expect(tierUnderOverride(tiers, 'diamond', floor)?._id).toBe('diamond');
    expect(tierUnderOverride(tiers, 'diamond', { tierId: 'silver', kind: 'fixed' })?._id).toBe('silver');
    expect(tierUnderOverride(tiers, 'silver', { tierId: 'platinum', kind: 'fixed' })).toBeNull();
    expect(holdsTier(tiers, 'gold', floor)).toBe(true);
    expect(holdsTier(tiers, 'diamond', floor)).toBe(false);
    expect(holdsTier(tiers, 'diamond', override('fixed', 'diamond'))).toBe(true);
  });

  it('holds a fixed tier against the spend, up and down, and looks again when it ends', () => {
    const member: ReviewedMember = { tierId: 'silver', tierSince: SINCE, tierReviewAt: UNTIL, tierOverride: override('fixed', 'silver') };
    for (const spend of [0, 2_000_000])
      expect(decide(member, spend, SINCE + 10 * DAY_MS)).toEqual({ kind: 'schedule', nextReviewAt: UNTIL, notice: null });
  });

  it('never drops a member below an active floor, and gives no at-risk notice at it', () => {
    // Gold since a year ago, floor at gold: the anniversary finds the spend short, but nothing happens until the floor ends.
    const since = SINCE - YEAR;
    const now = reviewLookAt(SINCE, review);
    const atFloor: ReviewedMember = { tierId: 'gold', tierSince: since, tierReviewAt: now, tierOverride: override('floor', 'gold') };
    expect(decide(atFloor, 0, now)).toEqual({ kind: 'schedule', nextReviewAt: UNTIL, notice: null });
    // Above the floor the review works as usual, but a drop stops at the floor.
    const diamond: ReviewedMember = {
      tierId: 'diamond',
      tierSince: since,
      tierReviewAt: now,
      tierNotice: { reviewAt: SINCE, noticedAt: now - 20 * DAY_MS, downgradeAt: now },
      tierOverride: override('floor', 'gold'),
    };
    expect(decide({ ...diamond, tierNotice: null }, 0, now)).toMatchObject({ kind: 'notice' });
    const silverFloor = { ...diamond, tierOverride: override('floor', 'diamond') };
    expect(decide(silverFloor, 0, now)).toEqual({ kind: 'schedule', nextReviewAt: UNTIL, notice: null });
    // The spend still raises the tier above a floor.
    expect(decide(atFloor, 2_000_000, now)).toMatchObject({ kind: 'upgrade', to: { _id: 'diamond' } });
  });

  it('clamps a due drop to the floor', () => {
    const since = SINCE - YEAR;
    const reviewAt = SINCE;
    const member: ReviewedMember = {
      tierId: 'diamond',
      tierSince: since,
      tierReviewAt: reviewAt + 30 * DAY_MS,
      tierNotice: { reviewAt, noticedAt: reviewAt + 16 * DAY_MS, downgradeAt: reviewAt + 30 * DAY_MS },
      tierOverride: override('floor', 'diamond', reviewAt + 200 * DAY_MS),
    };
    expect(decide(member, 0, reviewAt + 30 * DAY_MS)).toEqual({ kind: 'schedule', nextReviewAt: reviewAt + 200 * DAY_MS, notice: null });
    const lowerFloor = { ...member, tierOverride: override('floor', 'silver', reviewAt + 200 * DAY_MS) };
    // One tier at most per review: diamond → gold, which is above the silver floor.
    expect(decide(lowerFloor, 0, reviewAt + 30 * DAY_MS)).toMatchObject({ kind: 'downgrade', to: { _id: 'gold' } });
  });

  it('ends an override: the tier the spend keeps stays, else the tier the spend reaches, at once', () => {
    const member: ReviewedMember = { tierId: 'gold', tierSince: SINCE, tierReviewAt: UNTIL, tierOverride: override('fixed', 'gold') };
    expect(decide(member, 0, UNTIL)).toEqual({ kind: 'overrideEnded', to: expect.objectContaining({ _id: 'normal' }), nextReviewAt: null });
    expect(decide(member, 150_000, UNTIL)).toEqual({
      kind: 'overrideEnded',
      to: expect.objectContaining({ _id: 'silver' }),
      nextReviewAt: reviewLookAt(UNTIL + YEAR, review),
    });
    expect(decide(member, 400_000, UNTIL)).toEqual({
      kind: 'overrideEnded',
      to: expect.objectContaining({ _id: 'gold' }),
      nextReviewAt: reviewLookAt(SINCE + YEAR, review),
    });
    expect(decide(member, 2_000_000, UNTIL)).toMatchObject({ kind: 'overrideEnded', to: { _id: 'diamond' } });
    // A fixed demotion that ends gives back the tier the spend reaches.
    const demoted: ReviewedMember = { tierId: 'normal', tierSince: SINCE, tierReviewAt: UNTIL, tierOverride: override('fixed', 'normal') };
    expect(decide(demoted, 600_000, UNTIL)).toMatchObject({ kind: 'overrideEnded', to: { _id: 'gold' } });
  });
});

describe('tier progress under an override', () => {
  it('shows the end of a hold as the date the tier is looked at again', () => {
    const member = { tierId: 'gold', tierSince: SINCE, tierOverride: override('floor', 'gold') };
    expect(tierProgress(tiers, member, 0, SINCE + DAY_MS, review)).toMatchObject({ reviewAt: UNTIL, downgradeAt: UNTIL });
    expect(tierProgress(tiers, member, 400_000, SINCE + DAY_MS, review)).toMatchObject({ reviewAt: UNTIL, downgradeAt: null });
    expect(tierProgress(tiers, member, 0, UNTIL, review).reviewAt).toBe(SINCE + YEAR);
  });
});

describe('an ended floor the spend had risen above', () => {
  it('is cleared and the review goes on as usual, with its notice at the next sweep', () => {
    const since = SINCE - YEAR;
    const now = reviewLookAt(SINCE, review);
    const member: ReviewedMember = {
      tierId: 'diamond',
      tierSince: since,
      tierReviewAt: now,
      tierOverride: override('floor', 'silver', now - 1),
    };
    expect(decide(member, 0, now)).toEqual({ kind: 'overrideEnded', to: expect.objectContaining({ _id: 'diamond' }), nextReviewAt: now });
    expect(decide(member, 1_600_000, now)).toEqual({
      kind: 'overrideEnded',
      to: expect.objectContaining({ _id: 'diamond' }),
      nextReviewAt: reviewLookAt(SINCE + YEAR, review),
    });
  });
});
