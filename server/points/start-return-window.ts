import { DAY_MS } from '~/core/calendar/durations';
import { pendingLotId } from '~/core/points/lots';
import type { EpochMs } from '~/types/units';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/**
 * Starts an order's return window at delivery or pickup: its pending points become releasable
 * `pendingDays` later. A guarded update, so a repeat changes nothing.
 */
export async function startReturnWindow(ctx: RequestContext, input: { orderId: string; completedAt: EpochMs }): Promise<boolean> {
  const { programme } = await loadProgramme(ctx);
  const updated = await ctx.db
    .collection('point_lots')
    .updateWhere(
      { _id: pendingLotId(`earn:order:${input.orderId}`), state: 'pending', pendingUntil: null },
      { pendingUntil: input.completedAt + programme.points.pendingDays * DAY_MS, updatedAt: ctx.now },
    );
  return updated === 1;
}
