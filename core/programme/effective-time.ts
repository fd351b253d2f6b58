import { CodedError } from '../coded-error';
import { DAY_MS } from '../calendar/durations';
import type { EpochMs } from '~/types/units';

/**
 * How long an instance may keep the programme it read (server/programme/load-programme.ts).
 * A version takes effect no sooner than this after it is published, so every instance, whatever
 * it read just before, has read it again by then and switches at the stated moment.
 */
export const PROGRAMME_CACHE_MS = 30_000;

/** How far in the past a requested effective time may lie (a slow page, a clock a little behind) and still mean "now". */
export const EFFECTIVE_TIME_TOLERANCE_MS = 5 * 60_000;

/** How far ahead a version may be scheduled. */
export const MAX_SCHEDULE_DAYS = 366;

/**
 * The moment a new version takes effect: `requested` (null: as soon as possible), but never
 * sooner than every instance can switch; refused when it lies in the past beyond the tolerance,
 * too far ahead, or before a version already scheduled (versions take effect in the order published).
 */
export function effectiveTimeOf(
  requested: EpochMs | null,
  now: EpochMs,
  lastScheduled: { version: number; effectiveAt: EpochMs } | null,
): EpochMs {
  if (requested !== null && requested < now - EFFECTIVE_TIME_TOLERANCE_MS) {
    throw new CodedError('VALIDATION_FAILED', '生效时间不能早于现在', { field: 'effectiveAt' });
  }
  if (requested !== null && requested > now + MAX_SCHEDULE_DAYS * DAY_MS) {
    throw new CodedError('VALIDATION_FAILED', `生效时间最多可设在${MAX_SCHEDULE_DAYS}天后`, { field: 'effectiveAt' });
  }
  const at = Math.max(requested ?? now, now + PROGRAMME_CACHE_MS);
  if (lastScheduled && at < lastScheduled.effectiveAt) {
    throw new CodedError(
      'VALIDATION_FAILED',
      `第${lastScheduled.version}版已计划在更晚的时间生效；新版本的生效时间不能早于它，如需提前请先取消该版本`,
      { field: 'effectiveAt' },
    );
  }
  return at;
}
