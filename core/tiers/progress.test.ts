import { DEFAULT_TIERS } from './default-programme';
import { nextReviewAt, tierForSpend, tierProgress, upgradeFor } from './progress';
import { DAY_MS } from '../calendar/durations';

const tiers = [...DEFAULT_TIERS];

describe('tiers', () => {
  it('finds the tier a spend reaches, exactly at the thresholds', () => {
    expect(tierForSpend(tiers, 99_999)._id).toBe('normal');
    expect(tierForSpend(tiers, 100_000)._id).toBe('silver');
    expect(tierForSpend(tiers, 2_000_000)._id).toBe('diamond');
  });

  it('upgrades at once, across several tiers, and never downgrades', () => {
    expect(upgradeFor(tiers, 'normal', 600_000)?._id).toBe('gold');
    expect(upgradeFor(tiers, 'gold', 100_000)).toBeNull();
    expect(upgradeFor(tiers, 'gold', 500_000)).toBeNull();
  });

  it('reviews on each anniversary of reaching the tier', () => {
    expect(nextReviewAt(0, 10 * DAY_MS, 365)).toBe(365 * DAY_MS);
    expect(nextReviewAt(0, 365 * DAY_MS, 365)).toBe(730 * DAY_MS);
  });

  it('shows what is needed for the next tier and to keep this one, and when a drop would happen', () => {
    const progress = tierProgress(tiers, { tierId: 'silver', tierSince: 0 }, 50_000, 100 * DAY_MS, { windowDays: 365, graceDays: 30 });
    expect(progress).toMatchObject({ toNextFen: 450_000, toKeepFen: 30_000, reviewAt: 365 * DAY_MS, downgradeAt: 395 * DAY_MS });
    expect(progress.next?._id).toBe('gold');
    const safe = tierProgress(tiers, { tierId: 'silver', tierSince: 0 }, 90_000, 100 * DAY_MS, { windowDays: 365, graceDays: 30 });
    expect(safe.downgradeAt).toBeNull();
    expect(tierProgress(tiers, { tierId: 'diamond', tierSince: 0 }, 3_000_000, DAY_MS, { windowDays: 365, graceDays: 30 })).toMatchObject({
      next: null,
      toNextFen: 0,
    });
  });

  it('shows the notice dates during the grace period after a review found the spend short', () => {
    const tierNotice = { reviewAt: 365 * DAY_MS, noticedAt: 366 * DAY_MS, downgradeAt: 396 * DAY_MS };
    const review = { windowDays: 365, graceDays: 30 };
    const inGrace = tierProgress(tiers, { tierId: 'silver', tierSince: 0, tierNotice }, 50_000, 370 * DAY_MS, review);
    expect(inGrace).toMatchObject({ reviewAt: 365 * DAY_MS, downgradeAt: 396 * DAY_MS, toKeepFen: 30_000 });
    const recovered = tierProgress(tiers, { tierId: 'silver', tierSince: 0, tierNotice }, 80_000, 370 * DAY_MS, review);
    expect(recovered.downgradeAt).toBeNull();
  });
});
