import type { DelayPolicy, StoredCounter } from './failure-delay';
import { delayAfter, takeAttempt } from './failure-delay';

const POLICY: DelayPolicy = { free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);

describe('delayAfter', () => {
  it('waits nothing within the free tries, then doubles from the base up to the cap', () => {
    expect([0, 4].map((n) => delayAfter(n, POLICY))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 14].map((n) => delayAfter(n, POLICY))).toEqual([1_000, 2_000, 4_000, 8_000, 512_000]);
    expect([15, 16, 100, 10_000].map((n) => delayAfter(n, POLICY))).toEqual([900_000, 900_000, 900_000, 900_000]);
  });
});

describe('takeAttempt', () => {
  const counter = (failures: number, openAt: number, expiresAt = NOW + 60_000): StoredCounter => ({ failures, openAt, expiresAt });

  it('takes a slot of a new counter, with no wait within the free tries', () => {
    expect(takeAttempt(null, POLICY, NOW)).toEqual({
      refused: false,
      before: { failures: 0, openAt: 0 },
      after: { failures: 1, openAt: NOW, expiresAt: NOW + POLICY.forgetAfterMs },
    });
  });

  it('starts the wait at the take that uses the last free try, before any check has run', () => {
    const step = takeAttempt(counter(4, NOW - 5), POLICY, NOW);
    expect(step).toMatchObject({ refused: false, after: { failures: 5, openAt: NOW + 1_000 } });
    expect(takeAttempt(counter(5, NOW + 1_000), POLICY, NOW)).toEqual({ refused: true, retryAfterMs: 1_000 });
    expect(takeAttempt(counter(5, NOW + 1_000), POLICY, NOW + 400)).toEqual({ refused: true, retryAfterMs: 600 });
  });

  it('lets one attempt through once the wait is over, and makes the next wait twice as long', () => {
    expect(takeAttempt(counter(5, NOW), POLICY, NOW)).toMatchObject({ refused: false, after: { failures: 6, openAt: NOW + 2_000 } });
    expect(takeAttempt(counter(40, NOW), POLICY, NOW)).toMatchObject({ refused: false, after: { failures: 41, openAt: NOW + 900_000 } });
  });

  it('counts an expired counter from 0', () => {
    expect(takeAttempt(counter(30, NOW + 900_000, NOW), POLICY, NOW)).toEqual({
      refused: false,
      before: { failures: 0, openAt: 0 },
      after: { failures: 1, openAt: NOW, expiresAt: NOW + POLICY.forgetAfterMs },
    });
  });
});
