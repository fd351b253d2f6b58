import type { EpochMs } from '~/types/units';

/** How a failure counter slows attempts: `free` tries with no wait, then a wait that doubles with each failure. */
export interface DelayPolicy {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A counter left idle this long counts from 0 again; longer than `maxDelayMs`, so a wait is never forgotten early. */
  forgetAfterMs: number;
}

/** A counter as an attempt sees it: failures so far and when the next attempt may run. */
export interface CounterState {
  failures: number;
  openAt: EpochMs;
}

/** A counter as stored: its state and when it is forgotten. */
export interface StoredCounter extends CounterState {
  expiresAt: EpochMs;
}

/** The wait after `failures` failures: none within the free tries, then base, 2 × base, 4 × base, … at most max. */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  if (failures < policy.free) return 0;
  // 2^52 × any base is past every cap; the clamp keeps the product finite.
  const doublings = Math.min(failures - policy.free, 52);
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/** An attempt at a counter: refused with how long to wait, or the counter before and after taking its slot. */
export type AttemptStep = { refused: true; retryAfterMs: number } | { refused: false; before: CounterState; after: StoredCounter };

/**
 * What an attempt at `now` does to a counter (null: none stored). An expired counter counts from
 * 0. Past the free tries and before `openAt` the attempt is refused; otherwise it takes a slot,
 * and the wait for the next attempt starts now, before the check runs, so attempts in parallel
 * are spaced as attempts in a row.
 */
export function takeAttempt(stored: StoredCounter | null, policy: DelayPolicy, now: EpochMs): AttemptStep {
  const live = stored && stored.expiresAt > now ? stored : null;
  const before: CounterState = live ? { failures: live.failures, openAt: live.openAt } : { failures: 0, openAt: 0 };
  if (before.failures >= policy.free && now < before.openAt) return { refused: true, retryAfterMs: before.openAt - now };
  const failures = before.failures + 1;
  return { refused: false, before, after: { failures, openAt: now + delayAfter(failures, policy), expiresAt: now + policy.forgetAfterMs } };
}
