import type { DailyStatsDoc, DayFlow } from '~/types/stats';
import { couponTotals, daysOf, periodFigures, previousRange, trendDays } from './period';

const flow = (over: Partial<DayFlow> = {}): DayFlow => ({
  newMembers: 0,
  deletedMembers: 0,
  tierUps: 0,
  tierDowns: 0,
  onlineOrders: 0,
  onlineFen: 0,
  storeSales: 0,
  storeFen: 0,
  firstPurchases: 0,
  secondPurchases: 0,
  repeatPurchases: 0,
  pointsIssued: 0,
  pointsRedeemed: 0,
  pointsExpired: 0,
  pointsOther: 0,
  checkIns: 0,
  coupons: [],
  ...over,
});

const doc = (day: string, over: Partial<DayFlow>, membersTotal: number, partial = false): DailyStatsDoc => ({
  _id: day,
  day,
  partial,
  asOf: 0,
  flow: flow(over),
  snapshot: { membersTotal, byTier: { normal: membersTotal }, pointsOutstanding: membersTotal * 100, active30: 1, dormant: 0 },
  writtenAt: 0,
});

describe('ranges', () => {
  it('lists the days of a range across a month end', () => {
    expect(daysOf('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('takes as many days just before as the previous period', () => {
    expect(previousRange('2026-03-01', '2026-03-07')).toEqual({ from: '2026-02-22', to: '2026-02-28' });
    expect(previousRange('2026-01-01', '2026-01-01')).toEqual({ from: '2025-12-31', to: '2025-12-31' });
  });
});

describe('periodFigures', () => {
  const coupon = (templateId: string, issued: number, used: number, discountFen: number) => ({
    templateId,
    title: templateId,
    issued,
    used,
    discountFen,
  });
  const docs = [
    doc(
      '2026-03-01',
      { newMembers: 2, onlineOrders: 2, onlineFen: 10_000, firstPurchases: 2, checkIns: 1, coupons: [coupon('w', 2, 1, 1_000)] },
      10,
    ),
    doc(
      '2026-03-02',
      {
        newMembers: 1,
        storeSales: 1,
        storeFen: 5_000,
        repeatPurchases: 2,
        secondPurchases: 1,
        onlineOrders: 1,
        onlineFen: 3_000,
        checkIns: 3,
        coupons: [coupon('w', 1, 1, 1_000), coupon('b', 0, 1, 2_000)],
      },
      10,
    ),
  ];

  it('adds the flows and takes the standing of the last day', () => {
    const figures = periodFigures({ from: '2026-03-01', to: '2026-03-02' }, docs, 100);
    expect(figures).toMatchObject({
      daysWithFigures: 2,
      membersTotal: 10,
      pointsOutstanding: 1_000,
      liabilityFen: 1_000,
      newMembers: 3,
      gmvFen: 18_000,
      paidOrders: 4,
      averageOrderFen: 4_500,
      repurchaseRate: 0.5,
      onlineFen: 13_000,
      storeFen: 5_000,
      couponsIssued: 3,
      couponsUsed: 3,
      couponDiscountFen: 4_000,
      checkIns: 4,
      checkInRate: 0.2,
      funnel: { joined: 3, firstPurchases: 2, secondPurchases: 1 },
    });
  });

  it('prices the liability at the redemption rate', () => {
    expect(periodFigures({ from: '2026-03-01', to: '2026-03-02' }, docs, 50).liabilityFen).toBe(2_000);
  });

  it('answers zeros for a range with no figures, without dividing by zero', () => {
    const figures = periodFigures({ from: '2025-01-01', to: '2025-01-07' }, docs, 100);
    expect(figures).toMatchObject({
      daysWithFigures: 0,
      gmvFen: 0,
      averageOrderFen: 0,
      repurchaseRate: 0,
      checkInRate: 0,
      membersTotal: 0,
    });
  });

  it('adds coupons by template and fills the trend with every day', () => {
    expect(couponTotals(docs).map((row) => [row.templateId, row.issued, row.used, row.discountFen])).toEqual([
      ['w', 3, 2, 2_000],
      ['b', 0, 1, 2_000],
    ]);
    const days = trendDays({ from: '2026-02-28', to: '2026-03-02' }, [...docs.slice(0, 1), { ...docs[1], partial: true } as DailyStatsDoc]);
    expect(days.map((day) => [day.day, day.gmvFen, day.paidOrders, day.partial])).toEqual([
      ['2026-02-28', 0, 0, false],
      ['2026-03-01', 10_000, 2, false],
      ['2026-03-02', 8_000, 2, true],
    ]);
  });
});
