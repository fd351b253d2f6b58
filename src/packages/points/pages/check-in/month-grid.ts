import dayjs from 'dayjs';

/** The cells of a month calendar, Sunday first: blanks before the 1st, then `YYYY-MM-DD` per day. */
export function monthCells(month: string): (string | null)[] {
  const first = dayjs(`${month}-01`);
  const blanks: null[] = Array.from({ length: first.day() }, () => null);
  const days = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
  return [...blanks, ...days];
}

/** The month `delta` months from `month`, both `YYYY-MM`. */
export function shiftMonth(month: string, delta: number): string {
  return dayjs(`${month}-01`).add(delta, 'month').format('YYYY-MM');
}

/** 「2026年11月」 */
export function monthTitle(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}
