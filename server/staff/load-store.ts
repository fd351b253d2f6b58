import type { StoreDoc } from '~/types/orders';
import { CodedError } from '~/core/coded-error';
import type { RequestContext } from '../runtime/wx';

/** A store by id, or NOT_FOUND. */
export async function loadStore(ctx: RequestContext, storeId: string): Promise<StoreDoc> {
  const store = await ctx.db.collection('stores').get(storeId);
  if (!store) throw new CodedError('NOT_FOUND', `no store ${storeId}`);
  return store;
}
