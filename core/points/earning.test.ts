import { dayOf } from '../calendar/shanghai';
import { checkInReward, purchasePoints } from './earning';

const rules = { dailyPoints: 5, streakDays: 7, streakBonusPoints: 20 };

describe('earning rules', () => {
  it('gives 1 point per ¥1 paid times the tier multiplier, rounded down', () => {
    expect(purchasePoints(12_345, 1, 100)).toBe(123);
    expect(purchasePoints(12_345, 1, 150)).toBe(185); // 185.175
    expect(purchasePoints(99, 1, 200)).toBe(1); // ¥0.99 × 2 = 1.98
    expect(purchasePoints(0, 1, 200)).toBe(0);
    expect(purchasePoints(-100, 1, 100)).toBe(0);
  });

  it('continues a streak only from yesterday in Shanghai, with a bonus every 7th day', () => {
    expect(checkInReward({ lastDay: null, streak: 0 }, '2026-11-22', rules)).toEqual({
      day: '2026-11-22',
      streak: 1,
      basePoints: 5,
      bonusPoints: 0,
    });
    expect(checkInReward({ lastDay: '2026-11-21', streak: 6 }, '2026-11-22', rules).bonusPoints).toBe(20);
    expect(checkInReward({ lastDay: '2026-11-20', streak: 6 }, '2026-11-22', rules).streak).toBe(1);
    expect(checkInReward({ lastDay: '2028-02-28', streak: 13 }, '2028-02-29', rules)).toMatchObject({ streak: 14, bonusPoints: 20 });
  });

  it('counts a check-in at 23:59 and one at 00:01 Shanghai as two days, though both fall on one UTC day', () => {
    const lateEvening = Date.UTC(2026, 10, 21, 15, 59); // 23:59 on the 21st in Shanghai
    const afterMidnight = Date.UTC(2026, 10, 21, 16, 1); // 00:01 on the 22nd in Shanghai
    const first = checkInReward({ lastDay: null, streak: 0 }, dayOf(lateEvening), rules);
    const second = checkInReward({ lastDay: first.day, streak: first.streak }, dayOf(afterMidnight), rules);
    expect([first.day, second.day]).toEqual(['2026-11-21', '2026-11-22']);
    expect(second.streak).toBe(2);
  });
});
