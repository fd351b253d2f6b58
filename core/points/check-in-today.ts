import type { DayKey } from '../calendar/shanghai';
import { previousDay } from '../calendar/shanghai';
import type { MemberDoc } from '~/types/documents';
import type { CheckInCalendar } from '~/types/functions/points';
import type { ProgrammeSettings } from '~/types/programme';
import { checkInReward } from './earning';

/** Today's check-in as the calendar shows it: done or not, the live streak, and what today gives. */
export function checkInToday(
  last: MemberDoc['checkIn'],
  today: DayKey,
  rules: ProgrammeSettings['checkIn'],
): Omit<CheckInCalendar, 'month' | 'days' | 'streak' | 'lastDay'> {
  const checkedInToday = last.lastDay === today;
  const todayStreak = checkedInToday ? last.streak : checkInReward(last, today, rules).streak;
  const bonusToday = rules.streakDays > 0 && todayStreak % rules.streakDays === 0;
  const n = rules.streakDays;
  let daysToBonus = 0;
  if (n > 0) daysToBonus = checkedInToday ? n - (todayStreak % n) : ((n - (todayStreak % n)) % n) + 1;
  return {
    today,
    checkedInToday,
    currentStreak: checkedInToday || last.lastDay === previousDay(today) ? last.streak : 0,
    todayReward: { points: rules.dailyPoints, bonus: bonusToday ? rules.streakBonusPoints : 0 },
    daysToBonus,
    rules: { dailyPoints: rules.dailyPoints, streakDays: rules.streakDays, streakBonusPoints: rules.streakBonusPoints },
  };
}
