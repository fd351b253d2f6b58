import type { StoreDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';

/** The stores open for pickup (at most 50). */
export async function listOpenStores(ctx: RequestContext): Promise<StoreDoc[]> {
  return ctx.db.collection('stores').find({ status: 'open' }, { limit: 50 });
}
