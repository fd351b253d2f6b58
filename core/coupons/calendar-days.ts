import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { EpochMs } from '~/types/units';
import type { DayKey } from '../calendar/shanghai';
import { startOfDay, ZONE } from '../calendar/shanghai';

dayjs.extend(utc);
dayjs.extend(timezone);

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day `days` calendar days after `day` (negative goes back). Counted on UTC dates,
 * which have no daylight saving, so a day is always a day whatever the process zone.
 */
export function addCalendarDays(day: DayKey, days: number): DayKey {
  if (!DAY_KEY.test(day)) throw new RangeError(`not a calendar day: ${day}`);
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
}

/** The last millisecond (23:59:59.999) of a Shanghai calendar day. */
export function endOfShanghaiDay(day: DayKey): EpochMs {
  return startOfDay(addCalendarDays(day, 1)) - 1;
}

/** The last texts formatShanghai made: a job's page formats the same few instants (a month's end) hundreds of times, and each costs a time-zone lookup. */
const formatted = new Map<string, string>();

/** Formats an instant as Shanghai wall-clock time, e.g. `YYYY.MM.DD HH:mm`. */
export function formatShanghai(at: EpochMs, pattern: string): string {
  const key = `${at} ${pattern}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = dayjs(at).tz(ZONE).format(pattern);
    if (formatted.size >= 256) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
