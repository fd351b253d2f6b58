import { dayOf } from '~/core/calendar/shanghai';
import { staffMay } from '~/core/access/staff-permissions';
import { dayTotals } from '~/core/staff/day-summary';
import type { DaySummary } from '~/types/functions/staff';
import type { StaffDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { loadStore } from './load-store';
import { toSaleView } from './sale-views';

/** The most audit entries one store's day is summed from; a till records far fewer. */
const DAY_ENTRIES = 2_000;
const RECENT = 20;

/** Today's figures (Shanghai day) for the staff member, and the store's for a manager, with the latest purchases. */
export async function getDaySummary(ctx: RequestContext, staff: StaffDoc): Promise<DaySummary> {
  const day = dayOf(ctx.now);
  const manager = staffMay(staff.role, 'reverseSale');
  const [store, entries, recent] = await Promise.all([
    loadStore(ctx, staff.storeId),
    ctx.db
      .collection('audit_log')
      .find(manager ? { storeId: staff.storeId, day } : { 'actor.id': staff._id, day }, { orderBy: [['at', 'desc']], limit: DAY_ENTRIES }),
    ctx.db
      .collection('store_sales')
      .find(manager ? { storeId: staff.storeId, day } : { staffId: staff._id, day }, { orderBy: [['createdAt', 'desc']], limit: RECENT }),
  ]);
  const mine = entries.filter((entry) => entry.actor.id === staff._id && entry.storeId === staff.storeId);
  return {
    day,
    storeName: store.name,
    mine: dayTotals(mine),
    store: manager ? dayTotals(entries) : null,
    recent: recent.map((sale) => ({ ...toSaleView(sale), reversible: manager && sale.status === 'recorded' && sale.day === day })),
  };
}
