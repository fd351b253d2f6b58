import { MINUTE_MS, SECOND_MS } from '~/core/calendar/durations';
import type { DelayPolicy } from '~/core/throttle/failure-delay';
import type { StaffDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { withFailureBudget } from '../throttle/failure-budget';

/** Failed scans wait 1 s, then 2 s, 4 s, … at most 5 minutes; a counter idle for 30 minutes starts again. */
const scanDelays = (free: number): DelayPolicy => ({
  free,
  baseDelayMs: SECOND_MS,
  maxDelayMs: 5 * MINUTE_MS,
  forgetAfterMs: 30 * MINUTE_MS,
});

/** Failed scans without a wait, per staff member and per store: a cashier mistypes a few; a store has several tills. */
export const SCAN_DELAYS = { staff: scanDelays(10), store: scanDelays(30) } as const;

/**
 * Runs a code check against the staff member's and the store's counters of failed scans: guesses
 * in parallel get no more tries than guesses in a row, and past the free ones each waits longer
 * (see withFailureBudget).
 */
export async function throttledScan<T>(ctx: RequestContext, staff: StaffDoc, check: () => Promise<T>): Promise<T> {
  return withFailureBudget(
    ctx,
    [
      { scope: `scan:staff:${staff._id}`, policy: SCAN_DELAYS.staff },
      { scope: `scan:store:${staff.storeId}`, policy: SCAN_DELAYS.store },
    ],
    check,
  );
}
