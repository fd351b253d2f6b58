import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from './default-programme';
import type { ReviewedMember } from './review';
import { latestDueReview, reviewLookAt, reviewTier } from './review';
import { DAY_MS } from '../calendar/durations';

const tiers = [...DEFAULT_TIERS];
const review = DEFAULT_PROGRAMME.tierReview;
/** 10:00 on 1 March 2026 in Shanghai. */
const SINCE = Date.UTC(2026, 2, 1, 2);
const YEAR = 365 * DAY_MS;

const decide = (member: ReviewedMember, spendFen: number, now: number, settings = review) =>
  reviewTier({ member, tiers, spendFen, now, review: settings });

describe('tier review', () => {
  const gold: ReviewedMember = { tierId: 'gold', tierSince: SINCE, tierReviewAt: reviewLookAt(SINCE + YEAR, review), tierNotice: null };

  it('looks at an anniversary when the notice is due: 14 days before the 30-day grace ends', () => {
    expect(reviewLookAt(SINCE + YEAR, review)).toBe(SINCE + YEAR + 16 * DAY_MS);
    expect(reviewLookAt(SINCE + YEAR, { ...review, graceDays: 7 })).toBe(SINCE + YEAR);
    expect(latestDueReview(SINCE, SINCE + YEAR + 16 * DAY_MS - 1, review)).toBeNull();
    expect(latestDueReview(SINCE, SINCE + YEAR + 16 * DAY_MS, review)).toBe(SINCE + YEAR);
    expect(latestDueReview(SINCE, SINCE + 3 * YEAR + 20 * DAY_MS, review)).toBe(SINCE + 3 * YEAR);
  });

  it('upgrades at once when the spend reaches a higher tier, even before the review date', () => {
    expect(decide(gold, 2_000_000, SINCE + 100 * DAY_MS)).toMatchObject({
      kind: 'upgrade',
      to: { _id: 'diamond' },
      nextReviewAt: SINCE + 100 * DAY_MS + YEAR + 16 * DAY_MS,
    });
    expect(decide({ tierId: 'normal', tierSince: SINCE }, 100_000, SINCE + DAY_MS)).toMatchObject({
      kind: 'upgrade',
      to: { _id: 'silver' },
    });
  });

  it('never reviews the entry tier, and waits until the review date', () => {
    expect(decide({ tierId: 'normal', tierSince: SINCE, tierReviewAt: SINCE }, 0, SINCE + 2 * YEAR)).toEqual({
      kind: 'schedule',
      nextReviewAt: null,
      notice: null,
    });
    expect(decide(gold, 0, SINCE + 200 * DAY_MS)).toEqual({ kind: 'schedule', nextReviewAt: gold.tierReviewAt, notice: null });
  });

  it('keeps the tier at 80 % of entry and moves to the next anniversary', () => {
    const now = SINCE + YEAR + 16 * DAY_MS;
    expect(decide(gold, 400_000, now)).toEqual({ kind: 'schedule', nextReviewAt: SINCE + 2 * YEAR + 16 * DAY_MS, notice: null });
  });

  it('gives an at-risk notice 14 days before the drop, and drops one tier at most after the grace period', () => {
    const now = SINCE + YEAR + 16 * DAY_MS;
    const noticed = decide(gold, 399_999, now);
    expect(noticed).toEqual({
      kind: 'notice',
      notice: { reviewAt: SINCE + YEAR, noticedAt: now, downgradeAt: SINCE + YEAR + 30 * DAY_MS },
      nextReviewAt: SINCE + YEAR + 30 * DAY_MS,
    });
    if (noticed.kind !== 'notice') throw new Error('expected a notice');
    const atRisk = { ...gold, tierReviewAt: noticed.nextReviewAt, tierNotice: noticed.notice };
    expect(decide(atRisk, 0, SINCE + YEAR + 29 * DAY_MS)).toEqual({
      kind: 'schedule',
      nextReviewAt: SINCE + YEAR + 30 * DAY_MS,
      notice: noticed.notice,
    });
    const dropAt = SINCE + YEAR + 30 * DAY_MS;
    expect(decide(atRisk, 0, dropAt)).toMatchObject({
      kind: 'downgrade',
      to: { _id: 'silver' },
      reviewAt: SINCE + YEAR,
      nextReviewAt: dropAt + YEAR + 16 * DAY_MS,
    });
    expect(decide(atRisk, 150_000, dropAt)).toMatchObject({ kind: 'downgrade', to: { _id: 'silver' } });
    expect(decide(atRisk, 0, dropAt, { ...review, maxDropPerReview: 3 })).toMatchObject({
      kind: 'downgrade',
      to: { _id: 'normal' },
      nextReviewAt: null,
    });
    expect(decide({ ...atRisk, tierId: 'silver' }, 0, dropAt)).toMatchObject({
      kind: 'downgrade',
      to: { _id: 'normal' },
      nextReviewAt: null,
    });
  });

  it('cancels the notice when the spend recovers before the drop', () => {
    const notice = { reviewAt: SINCE + YEAR, noticedAt: SINCE + YEAR + 16 * DAY_MS, downgradeAt: SINCE + YEAR + 30 * DAY_MS };
    const atRisk = { ...gold, tierReviewAt: notice.downgradeAt, tierNotice: notice };
    expect(decide(atRisk, 450_000, notice.downgradeAt)).toEqual({
      kind: 'schedule',
      nextReviewAt: SINCE + 2 * YEAR + 16 * DAY_MS,
      notice: null,
    });
  });

  it('gives a late notice its full 14 days, and reviews only the latest missed anniversary', () => {
    const late = SINCE + YEAR + 40 * DAY_MS;
    expect(decide(gold, 0, late)).toMatchObject({ kind: 'notice', notice: { reviewAt: SINCE + YEAR, downgradeAt: late + 14 * DAY_MS } });
    const muchLater = SINCE + 3 * YEAR + 20 * DAY_MS;
    expect(decide(gold, 0, muchLater)).toMatchObject({ kind: 'notice', notice: { reviewAt: SINCE + 3 * YEAR } });
  });

  it('ignores a notice given before the member last changed tier', () => {
    const stale = { reviewAt: SINCE - 30 * DAY_MS, noticedAt: SINCE - 14 * DAY_MS, downgradeAt: SINCE };
    const member = { ...gold, tierReviewAt: SINCE, tierNotice: stale };
    expect(decide(member, 0, SINCE + DAY_MS)).toEqual({ kind: 'schedule', nextReviewAt: SINCE + YEAR + 16 * DAY_MS, notice: null });
  });

  it('reviews a member who was never scheduled as of the anniversaries of their tier', () => {
    expect(decide({ tierId: 'silver', tierSince: SINCE }, 0, SINCE + 10 * DAY_MS)).toEqual({
      kind: 'schedule',
      nextReviewAt: SINCE + YEAR + 16 * DAY_MS,
      notice: null,
    });
    expect(decide({ tierId: 'silver', tierSince: SINCE }, 0, SINCE + YEAR + 20 * DAY_MS)).toMatchObject({ kind: 'notice' });
  });
});
