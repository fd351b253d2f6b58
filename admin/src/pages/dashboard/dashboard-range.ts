import dayjs from 'dayjs';
import type { EpochMs } from '~/types/units';
import { PROGRAMME_TIME_ZONE } from '../../format/format-time';

/** A range of Shanghai days, both ends included (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
}

/** The quick choices above the custom range. */
export type RangePreset = '7' | '30' | 'custom';

/** The last `days` Shanghai days up to and including today. */
export function lastDays(days: number, now: EpochMs = Date.now()): DayRange {
  const today = dayjs(now).tz(PROGRAMME_TIME_ZONE);
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

/** The change from `before` to `now` as text: a percentage, or 新增 / 持平 when there was nothing before. */
export function changeText(now: number, before: number): { text: string; direction: 'up' | 'down' | 'flat' } {
  if (now === before) return { text: '持平', direction: 'flat' };
  if (before === 0) return { text: '新增', direction: now > 0 ? 'up' : 'down' };
  const percent = ((now - before) / Math.abs(before)) * 100;
  const rounded = Math.abs(percent) >= 10 ? percent.toFixed(0) : percent.toFixed(1);
  return { text: `${percent > 0 ? '+' : ''}${rounded}%`, direction: now > before ? 'up' : 'down' };
}

/** The change of a rate (0–1) in percentage points. */
export function rateChangeText(now: number, before: number): { text: string; direction: 'up' | 'down' | 'flat' } {
  const points = (now - before) * 100;
  if (Math.abs(points) < 0.05) return { text: '持平', direction: 'flat' };
  return { text: `${points > 0 ? '+' : ''}${points.toFixed(1)} 个百分点`, direction: points > 0 ? 'up' : 'down' };
}

/** A rate (0–1) as a percentage with one decimal. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
