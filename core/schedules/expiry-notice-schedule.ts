import type { EpochMs } from '~/types/units';

const DAY = 86_400_000;

/**
 * The expiry instants whose reminder falls in a sweep as of `now`: those `noticeDays` ahead that
 * the last sweep (as of `since`) did not reach yet, never any already past. The first sweep
 * reminds of everything expiring within `noticeDays`. Lower bound exclusive, upper inclusive.
 */
export function expiryNoticeRange(now: EpochMs, since: EpochMs | null, noticeDays: number): { after: EpochMs; upTo: EpochMs } {
  const upTo = now + noticeDays * DAY;
  const after = since === null ? now : Math.max(now, since + noticeDays * DAY);
  return { after: Math.min(after, upTo), upTo };
}
