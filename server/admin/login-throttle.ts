import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '~/core/calendar/durations';
import type { DelayPolicy } from '~/core/throttle/failure-delay';
import type { RequestContext } from '../runtime/wx';
import type { FailureCounter } from '../throttle/failure-budget';

/** Wrong passwords wait 1 s, then 2 s, 4 s, … at most 15 minutes; a counter idle for an hour starts again. */
const loginDelays = (free: number): DelayPolicy => ({ free, baseDelayMs: SECOND_MS, maxDelayMs: 15 * MINUTE_MS, forgetAfterMs: HOUR_MS });

/**
 * Wrong passwords without a wait: for one account from one address (a person mistyping), from one
 * address over all accounts, and for one account from the addresses it does not know (guessing
 * spread over many addresses). Past them each attempt waits, longer after each failure.
 */
export const LOGIN_DELAYS = { accountAtSource: loginDelays(5), source: loginDelays(20), account: loginDelays(20) } as const;

/** An address the account signed in from is known for 30 days after its latest sign-in there. */
const KNOWN_SOURCE_MS = 30 * DAY_MS;

/** Usernames may hold `:`; encoded, they cannot run into the address after them. */
const accountKey = (username: string) => encodeURIComponent(username);
const knownSourceId = (username: string, source: string) => `login:known:${accountKey(username)}:${source}` as const;

async function isKnownSource(ctx: RequestContext, username: string): Promise<boolean> {
  if (!ctx.clientIp) return false;
  const known = await ctx.db.collection('throttles').get(knownSourceId(username, ctx.clientIp));
  return known !== null && known.expiresAt > ctx.now;
}

/**
 * The counters a password check of `username` from the caller's address takes. The account-wide
 * counter is left out at an address the account signed in from lately, so guessing spread over
 * many addresses slows strangers but never the owner at their usual address.
 */
export async function loginCounters(ctx: RequestContext, username: string): Promise<FailureCounter[]> {
  const source = ctx.clientIp ?? 'unknown';
  const account = accountKey(username);
  const counters: FailureCounter[] = [
    { scope: `login:account-source:${account}:${source}`, policy: LOGIN_DELAYS.accountAtSource },
    { scope: `login:source:${source}`, policy: LOGIN_DELAYS.source },
  ];
  if (!(await isKnownSource(ctx, username))) counters.push({ scope: `login:account:${account}`, policy: LOGIN_DELAYS.account });
  return counters;
}

/** Marks the caller's address as known to the account for the next 30 days (after a sign-in with its password). */
export async function rememberSource(ctx: RequestContext, username: string): Promise<void> {
  if (!ctx.clientIp) return;
  const throttles = ctx.db.collection('throttles');
  const _id = knownSourceId(username, ctx.clientIp);
  const expiresAt = ctx.now + KNOWN_SOURCE_MS;
  if ((await throttles.updateWhere({ _id }, { expiresAt })) === 0) await throttles.insert({ _id, expiresAt });
}
