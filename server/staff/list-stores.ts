import type { StoreDetailRow } from '~/types/functions/admin-staff';
import type { RequestContext } from '../runtime/wx';
import { toStoreRow } from './store-views';

/** Every store (open and closed) with its address, hours, location and pickup setting, for the admin page. */
export async function listStores(ctx: RequestContext): Promise<{ items: StoreDetailRow[] }> {
  const stores = await ctx.db.collection('stores').find({}, { limit: 200 });
  return { items: stores.map(toStoreRow) };
}
