import { CodedError } from '~/core/coded-error';
import type { RequestContext } from '../runtime/wx';

/** One failure counter: its id within the current window, how many failures the window allows, and the window's length. */
export interface FailureCounter {
  id: string;
  limit: number;
  windowMs: number;
}

/** The counter id of `scope` for the window `now` falls in. */
export function counterIn(scope: string, now: number, windowMs: number): string {
  return `${scope}:${Math.floor(now / windowMs)}`;
}

/** Takes one failure slot from a counter (the window's first failure creates it), or answers false at its limit. */
async function takeSlot(ctx: RequestContext, counter: FailureCounter): Promise<boolean> {
  const throttles = ctx.db.collection('throttles');
  const _ = ctx.db.command;
  const take = () => throttles.updateWhere({ _id: counter.id, failures: _.lt(counter.limit) }, { failures: _.inc(1) });
  if ((await take()) === 1) return true;
  if (await throttles.insert({ _id: counter.id, failures: 1, expiresAt: ctx.now + counter.windowMs })) return true;
  // Created meanwhile by a parallel attempt: one more try, still guarded by the limit.
  return (await take()) === 1;
}

async function giveSlot(ctx: RequestContext, counter: FailureCounter): Promise<void> {
  await ctx.db.collection('throttles').updateWhere({ _id: counter.id }, { failures: ctx.db.command.inc(-1) });
}

/**
 * Runs a check as a failure until it succeeds: a slot of every counter is taken (a guarded
 * increment) before the check and given back after a success, so attempts in parallel get no
 * more tries than attempts in a row. At any counter's limit the check does not run:
 * TOO_MANY_ATTEMPTS, with when the window ends.
 */
export async function withFailureBudget<T>(ctx: RequestContext, counters: FailureCounter[], check: () => Promise<T>): Promise<T> {
  const taken = await Promise.all(counters.map((counter) => takeSlot(ctx, counter)));
  if (taken.some((ok) => !ok)) {
    await Promise.all(counters.filter((_counter, i) => taken[i]).map((counter) => giveSlot(ctx, counter)));
    const retryAfterMs = Math.max(...counters.filter((_c, i) => !taken[i]).map((c) => c.windowMs - (ctx.now % c.windowMs)));
    throw new CodedError('TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retryAfterMs });
  }
  const result = await check();
  await Promise.all(counters.map((counter) => giveSlot(ctx, counter)));
  return result;
}
