import { DAY_MS } from '~/core/calendar/durations';
import type { CampaignTallies, MemberOutcome } from './campaign-results';
import { addOutcome, campaignResults, meanDifference, pointsCostFen, wilson } from './campaign-results';
import type { CampaignGroup } from '~/types/marketing';

const DAYS = 3;

function member(group: CampaignGroup, spends: [number, number][], extra: Partial<MemberOutcome> = {}): MemberOutcome {
  return {
    group,
    spends: spends.map(([dayIndex, amountFen]) => ({ dayIndex, amountFen })),
    purchases: spends.filter(([, fen]) => fen > 0).length,
    couponUsed: false,
    couponDiscountFen: 0,
    pointsEarned: 0,
    ...extra,
  };
}

/**
 * Holdout GMV per member 0, 0, 100, 300 (mean 100, sample variance 20,000); variant A 0, 200,
 * 200 (two purchases), 400 (mean 200, sample variance 26,666.7). Two A members used the coupon
 * (50 fen off each) and earned 200 points on those purchases.
 */
function tallies(): CampaignTallies {
  const t: CampaignTallies = {};
  for (const outcome of [
    member('holdout', []),
    member('holdout', []),
    member('holdout', [[0, 100]]),
    member('holdout', [[2, 300]]),
    member('A', []),
    member('A', [[0, 200]], { couponUsed: true, couponDiscountFen: 50, pointsEarned: 120 }),
    member('A', [
      [0, 150],
      [1, 50],
    ]),
    member('A', [[1, 400]], { couponUsed: true, couponDiscountFen: 50, pointsEarned: 80 }),
  ])
    addOutcome(t, DAYS, outcome);
  return t;
}

describe('campaign results', () => {
  it('Wilson score interval of 3 in 4 is (0.3006, 0.9544), and of 0 in 0 is unknown', () => {
    const e = wilson(3, 4);
    expect(e.value).toBe(0.75);
    expect(e.low).toBeCloseTo(0.30064, 4);
    expect(e.high).toBeCloseTo(0.95441, 4);
    expect(wilson(0, 0)).toEqual({ value: null, low: null, high: null });
    expect(wilson(0, 10).low).toBe(0);
  });

  it('Welch difference of means: 200 − 100 = 100 ± 1.96 × √(20000/4 + 26666.7/4) = ± 211.70', () => {
    const t = tallies();
    const d = meanDifference(t.A!, t.holdout!);
    expect(d.value).toBe(100);
    expect(d.low).toBeCloseTo(100 - 211.7, 1);
    expect(d.high).toBeCloseTo(100 + 211.7, 1);
  });

  it('adds up each group’s figures, the incremental GMV, cost and ROI, and the cumulative series', () => {
    const results = campaignResults(tallies(), { from: 0, to: 3 * DAY_MS, asOf: 3 * DAY_MS, days: DAYS, pointsPerYuan: 100 });
    const [holdout, a] = results.groups;
    expect(results.groups.map((g) => g.group)).toEqual(['holdout', 'A']);
    expect(holdout).toMatchObject({ members: 4, gmvFen: 400, couponUseRate: null, incrementalGmvFen: null, roi: null, costFen: 0 });
    expect(holdout!.conversion.value).toBe(0.5);
    expect(holdout!.repurchase.value).toBe(0);
    expect(holdout!.gmvPerMemberFen.value).toBe(100);
    // Normal interval of the holdout mean: 100 ± 1.96 × √(20000 / 4) = 100 ± 138.59.
    expect(holdout!.gmvPerMemberFen.high).toBeCloseTo(238.59, 1);

    expect(a).toMatchObject({ members: 4, gmvFen: 800, couponDiscountFen: 100, pointsEarned: 200 });
    expect(a!.couponUseRate!.value).toBe(0.5);
    expect(a!.conversion.value).toBe(0.75);
    expect(a!.repurchase.value).toBe(0.25);
    // Incremental: (200 − 100) × 4 = 400, interval (100 ± 211.70) × 4.
    expect(a!.incrementalGmvFen!.value).toBe(400);
    expect(a!.incrementalGmvFen!.low).toBeCloseTo(-446.8, 0);
    expect(a!.incrementalGmvFen!.high).toBeCloseTo(1246.8, 0);
    // Cost: 100 fen of coupons + 200 points at 100 points per ¥1 = 200 fen; ROI 400 / 300.
    expect(a!.costFen).toBe(300);
    expect(a!.roi!.value).toBeCloseTo(4 / 3, 10);
    expect(a!.roi!.low).toBeCloseTo(-446.8 / 300, 2);

    expect(results.series.filter((row) => row.group === 'A').map((row) => row.gmvPerMemberFen)).toEqual([88, 200, 200]);
    expect(results.series.filter((row) => row.group === 'holdout').map((row) => row.gmvPerMemberFen)).toEqual([25, 25, 100]);
    // Halfway through the second day, the chart has the days so far.
    const sooner = campaignResults(tallies(), { from: 0, to: 3 * DAY_MS, asOf: 1.5 * DAY_MS, days: DAYS, pointsPerYuan: 100 });
    expect(sooner.series.filter((row) => row.group === 'A').map((row) => row.day)).toEqual([1, 2]);
  });

  it('adds a treated row over several variants, and has no ROI without a cost', () => {
    const t = tallies();
    addOutcome(t, DAYS, member('B', [[0, 100]]));
    const results = campaignResults(t, { from: 0, to: 3 * DAY_MS, asOf: 3 * DAY_MS, days: DAYS, pointsPerYuan: 100 });
    expect(results.groups.map((g) => g.group)).toEqual(['holdout', 'A', 'B', 'treated']);
    const b = results.groups[2]!;
    expect(b.roi).toBeNull();
    expect(b.incrementalGmvFen!.value).toBe(0);
    expect(b.incrementalGmvFen!.low).toBeNull();
    expect(results.groups[3]).toMatchObject({ members: 5, gmvFen: 900, costFen: 300 });
  });

  it('values points at the programme’s rate', () => {
    expect(pointsCostFen(250, 100)).toBe(250);
    expect(pointsCostFen(250, 50)).toBe(500);
  });
});
