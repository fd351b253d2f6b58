import { checkInToday } from './check-in-today';

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
