import { CodedError } from '~/core/coded-error';
import type { CounterState, DelayPolicy } from '~/core/throttle/failure-delay';
import { takeAttempt } from '~/core/throttle/failure-delay';
import type { RequestContext } from '../runtime/wx';

/** One failure counter: its scope (the `throttles` document id) and how it slows attempts. */
export interface FailureCounter {
  scope: string;
  policy: DelayPolicy;
}

/** A slot taken: what the counter held before, and what this take wrote. */
interface TakenSlot {
  scope: string;
  before: CounterState;
  wrote: CounterState;
}

/** Reads and compare-and-sets lost to parallel attempts before a take gives up (and refuses). */
const MAX_RACES = 25;

/**
 * Takes one failure slot of a counter, or answers how long to wait. The take is a compare-and-set
 * on what was read (an insert when there is none); losing to a parallel attempt reads again.
 */
async function takeSlot(ctx: RequestContext, counter: FailureCounter): Promise<TakenSlot | { retryAfterMs: number }> {
  const throttles = ctx.db.collection('throttles');
  for (let race = 0; race < MAX_RACES; race++) {
    const read = await throttles.get(counter.scope);
    const stored = read && 'failures' in read ? read : null;
    const step = takeAttempt(stored, counter.policy, ctx.now);
    if (step.refused) return { retryAfterMs: step.retryAfterMs };
    const moved = stored
      ? (await throttles.updateWhere({ _id: counter.scope, failures: stored.failures, openAt: stored.openAt }, { ...step.after })) === 1
      : await throttles.insert({ _id: counter.scope, ...step.after });
    if (moved) return { scope: counter.scope, before: step.before, wrote: { failures: step.after.failures, openAt: step.after.openAt } };
  }
  return { retryAfterMs: counter.policy.baseDelayMs };
}

/**
 * Gives a slot back: the counter returns to what it held before when it still holds what the take
 * wrote, so a success neither counts nor pushes the wait of others; else (others took slots
 * since) one failure fewer.
 */
async function giveBack(ctx: RequestContext, slot: TakenSlot): Promise<void> {
  const throttles = ctx.db.collection('throttles');
  const _ = ctx.db.command;
  const restored = await throttles.updateWhere({ _id: slot.scope, ...slot.wrote }, { ...slot.before });
  if (restored === 0) await throttles.updateWhere({ _id: slot.scope, failures: _.gt(0) }, { failures: _.inc(-1) });
}

/**
 * Runs a check as a failure until it succeeds: a slot of each counter, in order, is taken before
 * the check and given back after a success, so attempts in parallel get no more tries than
 * attempts in a row. A counter past its free tries makes the next attempt wait, longer after
 * each failure; while it waits the check does not run (the slots already taken are given back):
 * TOO_MANY_ATTEMPTS with `retryAfterMs`.
 */
export async function withFailureBudget<T>(ctx: RequestContext, counters: readonly FailureCounter[], check: () => Promise<T>): Promise<T> {
  const taken: TakenSlot[] = [];
  for (const counter of counters) {
    const slot = await takeSlot(ctx, counter);
    if ('retryAfterMs' in slot) {
      await Promise.all(taken.map((mine) => giveBack(ctx, mine)));
      throw new CodedError('TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retryAfterMs: slot.retryAfterMs });
    }
    taken.push(slot);
  }
  const result = await check();
  await Promise.all(taken.map((mine) => giveBack(ctx, mine)));
  return result;
}
