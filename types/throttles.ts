import type { EpochMs } from './units';

/**
 * `throttles`: one failure counter per scope (`login:account:<username>`, `scan:store:<storeId>`, …),
 * `_id` the scope. `failures` is taken before a check and given back on success; past a counter's
 * free tries the next attempt waits until `openAt`. A counter idle until `expiresAt` counts from 0.
 */
export interface ThrottleDoc {
  _id: string;
  failures: number;
  openAt: EpochMs;
  expiresAt: EpochMs;
}

/** `throttles` `login:known:<username>:<address>`: the account signed in from this address lately (until `expiresAt`). */
export interface KnownSourceDoc {
  _id: `login:known:${string}`;
  expiresAt: EpochMs;
}
