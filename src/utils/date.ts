import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { EpochMs } from '~/types/units';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every calendar rule of the programme is in this zone (DESIGN.md section 4). */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

/** Shanghai has kept a fixed UTC+8 offset, without daylight saving, since 1991. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

function inShanghai(at: EpochMs): dayjs.Dayjs {
  try {
    return dayjs(at).tz(PROGRAMME_TIME_ZONE);
  } catch {
    // Some mini-program JS engines ship Intl without time-zone data; the fixed offset is exact
    // for any date after 1991.
    return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);
  }
}

/** Formats an instant as a calendar date in Asia/Shanghai, e.g. 2025年11月22日. */
export function formatDate(at: EpochMs, pattern = 'YYYY年M月D日'): string {
  return inShanghai(at).format(pattern);
}
