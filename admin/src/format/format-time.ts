import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { EpochMs } from '~/types/units';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The programme's calendar zone (DESIGN.md section 4), whatever the browser's zone. */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

/** Formats an instant as `YYYY-MM-DD HH:mm` wall-clock time in Asia/Shanghai. */
export function formatDateTime(at: EpochMs): string {
  return dayjs(at).tz(PROGRAMME_TIME_ZONE).format('YYYY-MM-DD HH:mm');
}

/** Formats an instant as its `YYYY-MM-DD` day in Asia/Shanghai. */
export function formatDay(at: EpochMs): string {
  return dayjs(at).tz(PROGRAMME_TIME_ZONE).format('YYYY-MM-DD');
}

/** The last millisecond of a `YYYY-MM-DD` day in Asia/Shanghai (an "until" date includes its whole day). */
export function endOfShanghaiDay(day: string): EpochMs {
  return dayjs.tz(`${day} 00:00:00`, PROGRAMME_TIME_ZONE).add(1, 'day').valueOf() - 1;
}
