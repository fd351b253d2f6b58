import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { MemberDoc } from '~/types/documents';
import type { RequestContext } from '../runtime/wx';
import { adjustPoints } from './adjust-points';
import { earnForOrder } from './earn-for-order';
import { checkInToday, pointsSummary } from './points-views';

const RULES = { dailyPoints: 5, streakDays: 7, streakBonusPoints: 20 };

describe("today's check-in", () => {
  it('before checking in: the streak continues from yesterday and counts today towards the bonus', () => {
    expect(checkInToday({ lastDay: '2026-11-21', streak: 3 }, '2026-11-22', RULES)).toEqual({
      today: '2026-11-22',
      checkedInToday: false,
      currentStreak: 3,
      todayReward: { points: 5, bonus: 0 },
      daysToBonus: 4,
      rules: RULES,
    });
    expect(checkInToday({ lastDay: '2026-11-21', streak: 6 }, '2026-11-22', RULES)).toMatchObject({
      todayReward: { points: 5, bonus: 20 },
      daysToBonus: 1,
    });
  });

  it('after checking in: what today gave, and the check-ins left to the next bonus', () => {
    expect(checkInToday({ lastDay: '2026-11-22', streak: 7 }, '2026-11-22', RULES)).toMatchObject({
      checkedInToday: true,
      currentStreak: 7,
      todayReward: { points: 5, bonus: 20 },
      daysToBonus: 7,
    });
    expect(checkInToday({ lastDay: '2026-11-22', streak: 2 }, '2026-11-22', RULES)).toMatchObject({
      todayReward: { bonus: 0 },
      daysToBonus: 5,
    });
  });

  it('a missed day breaks the streak; a new member starts at nothing', () => {
    expect(checkInToday({ lastDay: '2026-11-19', streak: 5 }, '2026-11-22', RULES)).toMatchObject({ currentStreak: 0, daysToBonus: 7 });
    expect(checkInToday({ lastDay: null, streak: 0 }, '2026-11-22', RULES)).toMatchObject({
      currentStreak: 0,
      checkedInToday: false,
      daysToBonus: 7,
    });
  });

  it('without a streak bonus there is nothing to count down', () => {
    expect(checkInToday({ lastDay: null, streak: 0 }, '2026-11-22', { ...RULES, streakDays: 0 })).toMatchObject({
      daysToBonus: 0,
      todayReward: { bonus: 0 },
    });
  });
});

describe('points summary through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  const NOV_22 = Date.UTC(2026, 10, 22, 2);
  const member = (id: string) => cloud.store.parse(cloud.store.get('members', id) as never) as unknown as MemberDoc;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  it('names the next expiry even when nothing expires within 30 days, and lists pending purchase points', async () => {
    addMember(cloud, 'sum1', NOV_22);
    await adjustPoints(ctx(NOV_22), { memberId: 'sum1', key: 'k1', points: 300, reason: '活动奖励', adminId: 'admin' });
    await earnForOrder(ctx(NOV_22), { memberId: 'sum1', orderId: 'o-sum1', lines: [{ lineId: 'l1', paidFen: 12_000 }] });

    const summary = await pointsSummary(ctx(NOV_22), member('sum1'));
    // Earned in November 2026: expires at the end of November 2027, Shanghai time.
    const endOfNov2027 = Date.UTC(2027, 10, 30, 16) - 1;
    expect(summary).toMatchObject({ available: 300, pending: 120, expiring: [], negative: false });
    expect(summary.nextExpiry).toEqual({ points: 300, expiresAt: endOfNov2027 });
    expect(summary.pendingLots).toEqual([{ points: 120, availableAt: null, orderId: 'o-sum1' }]);

    const soon = await pointsSummary(ctx(Date.UTC(2027, 10, 5)), member('sum1'));
    expect(soon.expiring).toEqual([{ points: 300, expiresAt: endOfNov2027 }]);
  });

  it('has no next expiry without available points', async () => {
    addMember(cloud, 'sum2', NOV_22);
    expect((await pointsSummary(ctx(NOV_22), member('sum2'))).nextExpiry).toBeNull();
  });
});
