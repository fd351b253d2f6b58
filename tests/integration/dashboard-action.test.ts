import { DEFAULT_TIERS } from '~/core/tiers/default-programme';
import { getDashboard } from '~/server/stats/get-dashboard';
import type { DailyStatsDoc } from '~/types/stats';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { RequestContext } from '~/server/runtime/wx';
import { startUseCaseCloud } from '../support/use-cases';
import { putStored } from '../support/stored';

const NOW = Date.UTC(2026, 5, 20, 4);

function rollup(day: string, gmvFen: number, membersTotal: number, partial = false): DailyStatsDoc {
  return {
    _id: day,
    day,
    partial,
    asOf: NOW,
    flow: {
      newMembers: 1,
      deletedMembers: 0,
      tierUps: 0,
      tierDowns: 0,
      onlineOrders: 1,
      onlineFen: gmvFen,
      storeSales: 0,
      storeFen: 0,
      firstPurchases: 1,
      secondPurchases: 0,
      repeatPurchases: 0,
      pointsIssued: 10,
      pointsRedeemed: 0,
      pointsExpired: 0,
      pointsOther: 0,
      checkIns: 2,
      coupons: [{ templateId: 'welcome', title: '新人券', issued: 1, used: 0, discountFen: 0 }],
    },
    snapshot: { membersTotal, byTier: { normal: membersTotal - 1, gold: 1 }, pointsOutstanding: 1_000, active30: 1, dormant: 0 },
    writtenAt: NOW,
  };
}

describe('getDashboard (use-case against the local cloud)', () => {
  let cloud: LocalCloud;
  let ctx: RequestContext;
  beforeAll(async () => {
    const on = await startUseCaseCloud();
    cloud = on.cloud;
    ctx = on.ctx(NOW);
    for (const tier of DEFAULT_TIERS) putStored(cloud, 'tiers', tier);
    ['2026-06-14', '2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18'].forEach((day, i) =>
      putStored(cloud, 'daily_stats', rollup(day, 1_000 * (i + 1), 10 + i)),
    );
    putStored(cloud, 'daily_stats', rollup('2026-06-19', 9_000, 20, true));
  });
  afterAll(() => cloud?.stop());

  it('answers the range from its rollups beside the same number of days before', async () => {
    const view = await getDashboard(ctx, { from: '2026-06-17', to: '2026-06-19' });
    expect(view.current).toMatchObject({ daysWithFigures: 3, gmvFen: 4_000 + 5_000 + 9_000, membersTotal: 20, paidOrders: 3, checkIns: 6 });
    expect(view.previous).toMatchObject({ from: '2026-06-14', to: '2026-06-16', daysWithFigures: 3, gmvFen: 6_000, membersTotal: 12 });
    expect(view.partial).toBe(true);
    expect(view.stages).toBeNull();
    expect(view.days.map((day) => [day.day, day.partial])).toEqual([
      ['2026-06-17', false],
      ['2026-06-18', false],
      ['2026-06-19', true],
    ]);
    expect(view.tiers.find((tier) => tier.tierId === 'gold')?.members).toBe(1);
    expect(view.coupons).toEqual([{ templateId: 'welcome', title: '新人券', issued: 3, used: 0, discountFen: 0 }]);
  });

  it('answers zeros for days before any rollup', async () => {
    const view = await getDashboard(ctx, { from: '2026-01-01', to: '2026-01-07' });
    expect(view.current.daysWithFigures).toBe(0);
    expect(view.days).toHaveLength(7);
    expect(view.asOf).toBeNull();
  });

  it('refuses a reversed, impossible or over-long range with a clear error', async () => {
    await expect(getDashboard(ctx, { from: '2026-06-19', to: '2026-06-17' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getDashboard(ctx, { from: '2026-02-30', to: '2026-03-02' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getDashboard(ctx, { from: '2025-01-01', to: '2026-06-19' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
