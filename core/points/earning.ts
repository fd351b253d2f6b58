import type { ProgrammeSettings } from '~/types/programme';
import type { Fen, Points } from '~/types/units';
import type { DayKey } from '../calendar/shanghai';
import { previousDay } from '../calendar/shanghai';

/**
 * Purchase points: `earnPerYuan` per ¥1 paid times the tier multiplier, rounded down to whole
 * points. Integer maths only: fen × points-per-yuan × percent / (100 fen × 100 %).
 */
export function purchasePoints(paidFen: Fen, earnPerYuan: number, multiplierPercent: number): Points {
  if (!Number.isInteger(paidFen) || paidFen <= 0) return 0;
  return Math.floor((paidFen * earnPerYuan * multiplierPercent) / 10_000);
}

export interface CheckInReward {
  day: DayKey;
  streak: number;
  basePoints: Points;
  bonusPoints: Points;
}

/**
 * Today's check-in: the streak continues only from yesterday (Shanghai days), and every
 * `streakDays`-th day of a streak adds the bonus.
 */
export function checkInReward(
  last: { lastDay: DayKey | null; streak: number },
  today: DayKey,
  rules: ProgrammeSettings['checkIn'],
): CheckInReward {
  const streak = last.lastDay === previousDay(today) ? last.streak + 1 : 1;
  const bonus = rules.streakDays > 0 && streak % rules.streakDays === 0 ? rules.streakBonusPoints : 0;
  return { day: today, streak, basePoints: rules.dailyPoints, bonusPoints: bonus };
}
