import { FAVOURITES_CAP } from '~/types/functions/catalog';
import type { RequestContext } from '../runtime/wx';
import { catalogCollections } from './catalog-collections';
import { favouriteId } from './favourite-id';
import { CodedError } from '~/core/coded-error';

/**
 * Keeps a product in the member's 我的收藏. Keyed by member and product, so a repeat (a double
 * tap, a retried call) is a no-op; a new one past the cap is refused and changes nothing. Two
 * favourites racing at the cap may both land, leaving the list one over: the cap keeps the
 * list readable, it guards nothing of value.
 */
export async function addFavourite(ctx: RequestContext, input: { memberId: string; productId: string }): Promise<void> {
  const favourites = ctx.db.collection('favourites');
  const _id = favouriteId(input.memberId, input.productId);
  if (await favourites.get(_id)) return;
  const product = await catalogCollections(ctx).products.get(input.productId);
  if (!product) throw new CodedError('NOT_FOUND', '商品不存在');
  if ((await favourites.count({ memberId: input.memberId })) >= FAVOURITES_CAP)
    throw new CodedError('LIMIT_REACHED', `收藏最多${FAVOURITES_CAP}件，请先取消部分收藏`, { cap: FAVOURITES_CAP });
  await favourites.insert({ _id, memberId: input.memberId, productId: input.productId, createdAt: ctx.now });
}
