import type { DayKey } from '../calendar/shanghai';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day a birthday (`YYYY-MM-DD`) falls on in `year`: 29 February falls on 28 February in other years. */
export function birthdayInYear(birthday: string, year: number): DayKey {
  const [, month, day] = birthday.split('-') as [string, string, string];
  const shifted = month === '02' && day === '29' && !isLeap(year) ? '28' : day;
  return `${String(year).padStart(4, '0')}-${month}-${shifted}`;
}
