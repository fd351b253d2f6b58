import type { StoreDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';

/** The stores open for pickup (at most 50): open, and pickup not switched off by an admin. */
export async function listOpenStores(ctx: RequestContext): Promise<StoreDoc[]> {
  const open = await ctx.db.collection('stores').find({ status: 'open' }, { limit: 50 });
  return open.filter((store) => store.pickupEnabled !== false);
}
