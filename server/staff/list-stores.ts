import type { StoreDetailRow } from '~/types/functions/admin-staff';
import type { RequestContext } from '../runtime/wx';
import { toStoreRow } from './store-views';

/** Every store (open and closed), or the one asked for, with its address, hours, location and pickup setting, for the admin page. */
export async function listStores(ctx: RequestContext, storeId?: string): Promise<{ items: StoreDetailRow[] }> {
  const stores = await ctx.db.collection('stores').find(storeId === undefined ? {} : { _id: storeId }, { limit: 200 });
  return { items: stores.map(toStoreRow) };
}
