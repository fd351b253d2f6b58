import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import type { DailyStatsDoc } from '~/types/stats';

/**
 * A year and more of daily rollups for a programme of `members` members, as job-daily-stats
 * would have left them (figures made up, shapes real): what the dashboard reads, so its load
 * can be timed without a year of activity behind it.
 */
export function benchRollups(members: number, now: number, days: number): DailyStatsDoc[] {
  const docs: DailyStatsDoc[] = [];
  for (let back = days; back >= 1; back -= 1) {
    const day = dayOf(now - back * DAY_MS);
    const wave = 1 + ((back * 37) % 11) / 10;
    const orders = Math.round((members / 400) * wave);
    docs.push({
      _id: day,
      day,
      partial: false,
      asOf: now - (back - 1) * DAY_MS,
      flow: {
        newMembers: Math.round((members / 1_000) * wave),
        deletedMembers: 0,
        tierUps: Math.round(orders / 40),
        tierDowns: Math.round(orders / 120),
        onlineOrders: orders,
        onlineFen: orders * 16_800,
        storeSales: Math.round(orders / 3),
        storeFen: Math.round(orders / 3) * 9_500,
        firstPurchases: Math.round(orders / 5),
        secondPurchases: Math.round(orders / 12),
        repeatPurchases: Math.round((orders * 2) / 3),
        pointsIssued: orders * 170,
        pointsRedeemed: orders * 60,
        pointsExpired: orders * 10,
        pointsOther: 0,
        checkIns: Math.round(members / 50),
        coupons: ['welcome', 'birthday', 'comeback', 'campaign-99-15'].map((templateId, i) => ({
          templateId,
          title: templateId,
          issued: Math.round(orders / (i + 2)),
          used: Math.round(orders / (i + 4)),
          discountFen: Math.round(orders / (i + 4)) * 1_000,
        })),
      },
      snapshot: {
        membersTotal: members,
        byTier: {
          normal: Math.round(members * 0.8),
          silver: Math.round(members * 0.15),
          gold: Math.round(members * 0.04),
          diamond: Math.round(members * 0.01),
        },
        pointsOutstanding: members * 420,
        active30: Math.round(members / 8),
        dormant: Math.round(members / 3),
      },
      writtenAt: now - (back - 1) * DAY_MS,
    });
  }
  return docs;
}
