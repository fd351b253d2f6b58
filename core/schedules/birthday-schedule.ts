import type { DayKey } from '../calendar/shanghai';
import { addCalendarDays } from '../coupons/calendar-days';

/** Birthdays of one year between two month-days (month × 100 + day), both inclusive. */
export interface BirthdayRange {
  year: number;
  fromMonthDay: number;
  toMonthDay: number;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** A birthday (`YYYY-MM-DD`) as month × 100 + day: `1990-12-31` → 1231. */
export function birthdayMonthDay(birthday: string): number {
  const [, month, day] = birthday.split('-');
  return Number(month) * 100 + Number(day);
}

/**
 * The birthdays whose coupon a sweep on `today` issues: those from today to `daysBefore` days
 * ahead (so a birthday set late still gets its coupon), reaching back to the first birthday a
 * missed sweep left out, but never to one whose coupon would already have ended
 * (`daysAfter` days after it). A birthday on 29 February counts on 28 February in other years.
 */
export function birthdayRanges(
  today: DayKey,
  lastSweptDay: DayKey | null,
  window: { daysBefore: number; daysAfter: number },
): BirthdayRange[] {
  const last = addCalendarDays(today, window.daysBefore);
  const uncovered = lastSweptDay === null ? today : addCalendarDays(lastSweptDay, window.daysBefore + 1);
  const earliest = addCalendarDays(today, -window.daysAfter);
  let first = uncovered < today ? uncovered : today;
  if (first < earliest) first = earliest;

  const ranges: BirthdayRange[] = [];
  for (let day = first; day <= last; day = addCalendarDays(day, 1)) {
    const year = Number(day.slice(0, 4));
    const monthDay = birthdayMonthDay(day);
    const open = ranges[ranges.length - 1];
    if (open && open.year === year) open.toMonthDay = monthDay;
    else ranges.push({ year, fromMonthDay: monthDay, toMonthDay: monthDay });
  }
  for (const range of ranges) {
    if (!isLeap(range.year) && range.fromMonthDay <= 228 && range.toMonthDay === 228) range.toMonthDay = 229;
  }
  return ranges;
}
