import type { StoreRow } from '~/types/functions/admin-staff';
import type { RequestContext } from '../runtime/wx';

/** The stores staff can be invited to, for the admin page. */
export async function listStores(ctx: RequestContext): Promise<{ items: StoreRow[] }> {
  const stores = await ctx.db.collection('stores').find({}, { limit: 200 });
  return { items: stores.map((store) => ({ storeId: store._id, name: store.name, address: store.address, status: store.status })) };
}
