import { MINUTE_MS } from '~/core/calendar/durations';
import type { StaffDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { counterIn, withFailureBudget } from '../throttle/failure-budget';

/** Failed scans allowed per window: a cashier mistypes a few; a store has several tills. */
const WINDOW_MS = 10 * MINUTE_MS;
export const SCAN_FAILURE_LIMITS = { staff: 10, store: 30 } as const;

/**
 * Runs a code check against the staff member's and the store's budget of failed scans: guesses
 * in parallel get no more tries than guesses in a row (see withFailureBudget).
 */
export async function throttledScan<T>(ctx: RequestContext, staff: StaffDoc, check: () => Promise<T>): Promise<T> {
  return withFailureBudget(
    ctx,
    [
      { id: counterIn(`scan:staff:${staff._id}`, ctx.now, WINDOW_MS), limit: SCAN_FAILURE_LIMITS.staff, windowMs: WINDOW_MS },
      { id: counterIn(`scan:store:${staff.storeId}`, ctx.now, WINDOW_MS), limit: SCAN_FAILURE_LIMITS.store, windowMs: WINDOW_MS },
    ],
    check,
  );
}
