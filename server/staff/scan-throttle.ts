import { MINUTE_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import type { StaffDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';

/** Failed scans allowed per window: a cashier mistypes a few; a store has several tills. */
const WINDOW_MS = 10 * MINUTE_MS;
export const SCAN_FAILURE_LIMITS = { staff: 10, store: 30 } as const;

const counterIds = (ctx: RequestContext, staff: StaffDoc) => {
  const window = Math.floor(ctx.now / WINDOW_MS);
  return [
    { id: `scan:staff:${staff._id}:${window}`, limit: SCAN_FAILURE_LIMITS.staff },
    { id: `scan:store:${staff.storeId}:${window}`, limit: SCAN_FAILURE_LIMITS.store },
  ];
};

/** Takes one failure slot from a counter (the window's first failure creates it), or answers false at its limit. */
async function takeSlot(ctx: RequestContext, id: string, limit: number): Promise<boolean> {
  const throttles = ctx.db.collection('throttles');
  const _ = ctx.db.command;
  if ((await throttles.updateWhere({ _id: id, failures: _.lt(limit) }, { failures: _.inc(1) })) === 1) return true;
  if (await throttles.insert({ _id: id, failures: 1, expiresAt: ctx.now + WINDOW_MS })) return true;
  // Created meanwhile by a parallel scan: one more try, still guarded by the limit.
  return (await throttles.updateWhere({ _id: id, failures: _.lt(limit) }, { failures: _.inc(1) })) === 1;
}

async function giveSlot(ctx: RequestContext, id: string): Promise<void> {
  await ctx.db.collection('throttles').updateWhere({ _id: id }, { failures: ctx.db.command.inc(-1) });
}

/**
 * Runs a code check as a failure until it succeeds: a slot of the staff member's and of the
 * store's failure budget is taken (a guarded increment) before the check and given back after a
 * success, so guesses in parallel get no more tries than guesses in a row.
 */
export async function throttledScan<T>(ctx: RequestContext, staff: StaffDoc, check: () => Promise<T>): Promise<T> {
  const counters = counterIds(ctx, staff);
  const taken = await Promise.all(counters.map((counter) => takeSlot(ctx, counter.id, counter.limit)));
  if (taken.some((ok) => !ok)) {
    await Promise.all(counters.filter((_counter, i) => taken[i]).map((counter) => giveSlot(ctx, counter.id)));
    throw new CodedError('TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retryAfterMs: WINDOW_MS - (ctx.now % WINDOW_MS) });
  }
  const result = await check();
  await Promise.all(counters.map((counter) => giveSlot(ctx, counter.id)));
  return result;
}
