import type { EpochMs } from '~/types/units';
import { DAY_MS } from '../calendar/durations';

/**
 * The expiry instants whose reminder falls in a sweep as of `now`: those `noticeDays` ahead that
 * the last sweep (as of `since`) did not reach yet, never any already past. The first sweep
 * reminds of everything expiring within `noticeDays`. Lower bound exclusive, upper inclusive.
 */
export function expiryNoticeRange(now: EpochMs, since: EpochMs | null, noticeDays: number): { after: EpochMs; upTo: EpochMs } {
  const upTo = now + noticeDays * DAY_MS;
  const after = since === null ? now : Math.max(now, since + noticeDays * DAY_MS);
  return { after: Math.min(after, upTo), upTo };
}
