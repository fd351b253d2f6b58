import type { DashboardDay, PeriodFigures } from '~/types/functions/admin-dashboard';
import type { CouponDayFigures, DailyStatsDoc } from '~/types/stats';
import { dayOf, startOfDay } from '../calendar/shanghai';
import { DAY_MS } from '../calendar/durations';

/** The Shanghai days `from`..`to`, both included (Shanghai keeps no daylight saving: every day is 24 hours). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = startOfDay(from); ms <= startOfDay(to); ms += DAY_MS) days.push(dayOf(ms));
  return days;
}

/** The range of as many days just before `from`..`to`. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const length = daysOf(from, to).length;
  return { from: dayOf(startOfDay(from) - length * DAY_MS), to: dayOf(startOfDay(from) - DAY_MS) };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The figures of a range from its days' rollups (days without one count as nothing happening). */
export function periodFigures(range: { from: string; to: string }, docs: readonly DailyStatsDoc[], pointsPerYuan: number): PeriodFigures {
  const inRange = docs.filter((doc) => doc.day >= range.from && doc.day <= range.to).sort((a, b) => a.day.localeCompare(b.day));
  const sum = (pick: (doc: DailyStatsDoc) => number) => inRange.reduce((total, doc) => total + pick(doc), 0);
  const last = inRange.at(-1)?.snapshot;
  const onlineFen = sum((doc) => doc.flow.onlineFen);
  const storeFen = sum((doc) => doc.flow.storeFen);
  const onlineOrders = sum((doc) => doc.flow.onlineOrders);
  const storeSales = sum((doc) => doc.flow.storeSales);
  const paidOrders = onlineOrders + storeSales;
  const gmvFen = onlineFen + storeFen;
  const checkIns = sum((doc) => doc.flow.checkIns);
  const pointsOutstanding = last?.pointsOutstanding ?? 0;
  const coupons = couponTotals(inRange);
  return {
    from: range.from,
    to: range.to,
    daysWithFigures: inRange.length,
    membersTotal: last?.membersTotal ?? 0,
    active30: last?.active30 ?? 0,
    dormant: last?.dormant ?? 0,
    pointsOutstanding,
    liabilityFen: pointsPerYuan > 0 ? Math.round((pointsOutstanding * 100) / pointsPerYuan) : 0,
    newMembers: sum((doc) => doc.flow.newMembers),
    tierUps: sum((doc) => doc.flow.tierUps),
    tierDowns: sum((doc) => doc.flow.tierDowns),
    gmvFen,
    paidOrders,
    averageOrderFen: paidOrders > 0 ? Math.round(gmvFen / paidOrders) : 0,
    repurchaseRate: ratio(
      sum((doc) => doc.flow.repeatPurchases),
      paidOrders,
    ),
    onlineFen,
    onlineOrders,
    storeFen,
    storeSales,
    pointsIssued: sum((doc) => doc.flow.pointsIssued),
    pointsRedeemed: sum((doc) => doc.flow.pointsRedeemed),
    pointsExpired: sum((doc) => doc.flow.pointsExpired),
    couponsIssued: coupons.reduce((total, row) => total + row.issued, 0),
    couponsUsed: coupons.reduce((total, row) => total + row.used, 0),
    couponDiscountFen: coupons.reduce((total, row) => total + row.discountFen, 0),
    checkIns,
    // Member-days: each day's check-ins over that day's members, so a growing programme is not flattered.
    checkInRate: ratio(
      checkIns,
      sum((doc) => doc.snapshot.membersTotal),
    ),
    funnel: {
      joined: sum((doc) => doc.flow.newMembers),
      firstPurchases: sum((doc) => doc.flow.firstPurchases),
      secondPurchases: sum((doc) => doc.flow.secondPurchases),
    },
  };
}

/** The coupon figures of the days added up by template, busiest first. */
export function couponTotals(docs: readonly DailyStatsDoc[]): CouponDayFigures[] {
  const rows = new Map<string, CouponDayFigures>();
  for (const doc of docs) {
    for (const coupon of doc.flow.coupons) {
      const row = rows.get(coupon.templateId) ?? { ...coupon, issued: 0, used: 0, discountFen: 0 };
      row.title = coupon.title;
      row.issued += coupon.issued;
      row.used += coupon.used;
      row.discountFen += coupon.discountFen;
      rows.set(coupon.templateId, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.issued + b.used - (a.issued + a.used) || a.templateId.localeCompare(b.templateId));
}

/** One point of the trend charts for every day of the range (zeros on a day without figures). */
export function trendDays(range: { from: string; to: string }, docs: readonly DailyStatsDoc[]): DashboardDay[] {
  const byDay = new Map(docs.map((doc) => [doc.day, doc]));
  return daysOf(range.from, range.to).map((day) => {
    const doc = byDay.get(day);
    const flow = doc?.flow;
    return {
      day,
      partial: doc?.partial ?? false,
      gmvFen: (flow?.onlineFen ?? 0) + (flow?.storeFen ?? 0),
      paidOrders: (flow?.onlineOrders ?? 0) + (flow?.storeSales ?? 0),
      newMembers: flow?.newMembers ?? 0,
      onlineFen: flow?.onlineFen ?? 0,
      storeFen: flow?.storeFen ?? 0,
      pointsIssued: flow?.pointsIssued ?? 0,
      pointsRedeemed: flow?.pointsRedeemed ?? 0,
      pointsExpired: flow?.pointsExpired ?? 0,
      checkIns: flow?.checkIns ?? 0,
    };
  });
}
