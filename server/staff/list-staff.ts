import type { StaffRow } from '~/types/functions/admin-staff';
import type { RequestContext } from '../runtime/wx';
import { toStaffRow } from './staff-views';

/** Staff of one store, or of every store, newest first (at most 500). */
export async function listStaff(ctx: RequestContext, input: { storeId?: string }): Promise<{ items: StaffRow[] }> {
  const [staff, stores] = await Promise.all([
    ctx.db.collection('staff').find(input.storeId ? { storeId: input.storeId } : {}, { orderBy: [['createdAt', 'desc']], limit: 500 }),
    ctx.db.collection('stores').find({}, { limit: 200 }),
  ]);
  const names = new Map(stores.map((store) => [store._id, store.name]));
  return { items: staff.map((doc) => toStaffRow(doc, names.get(doc.storeId) ?? doc.storeId)) };
}
