import { DAY_MS } from './durations';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { EpochMs } from '~/types/units';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every calendar rule of the programme is in this zone, whatever the server clock's zone. */
export const ZONE = 'Asia/Shanghai';

/** A calendar day in Shanghai, `YYYY-MM-DD`. */
export type DayKey = string;
/** A calendar month in Shanghai, `YYYY-MM`. */
export type MonthKey = string;

const at = (ms: EpochMs) => dayjs(ms).tz(ZONE);

/** The Shanghai calendar day of an instant. */
export function dayOf(ms: EpochMs): DayKey {
  return at(ms).format('YYYY-MM-DD');
}

/** The Shanghai calendar month of an instant. */
export function monthOf(ms: EpochMs): MonthKey {
  return at(ms).format('YYYY-MM');
}

/** The day before `day`. */
export function previousDay(day: DayKey): DayKey {
  return dayjs.tz(day, ZONE).subtract(1, 'day').format('YYYY-MM-DD');
}

/** The first instant of a Shanghai day. */
export function startOfDay(day: DayKey): EpochMs {
  return dayjs.tz(day, ZONE).valueOf();
}

/** The last millisecond of the Shanghai month `months` after the month of `ms`. */
export function endOfMonthAfter(ms: EpochMs, months: number): EpochMs {
  return at(ms).add(months, 'month').endOf('month').valueOf();
}

/** `n` whole days after `ms`. */
export function addDays(ms: EpochMs, n: number): EpochMs {
  return ms + n * DAY_MS;
}
