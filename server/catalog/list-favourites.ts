import { toProductCard } from '~/core/catalog/product-views';
import type { CatalogResponses } from '~/types/functions/catalog';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { catalogCollections } from './catalog-collections';

/**
 * A page of the member's 我的收藏, newest first, each product priced for the caller and marked
 * sold out or off the shelf as it is now. A favourite whose product has gone from the catalogue
 * is left out of the page.
 */
export async function listFavourites(
  ctx: RequestContext,
  input: { memberId: string; pageSize: number; cursor?: string },
): Promise<CatalogResponses['favourites']> {
  const [{ items, nextCursor }, { tier }] = await Promise.all([
    keysetPage(
      ctx.db.collection('favourites'),
      ctx.db.command,
      { memberId: input.memberId },
      { field: 'createdAt', direction: 'desc' },
      input,
    ),
    loadCallerTier(ctx),
  ]);
  const ids = items.map((item) => item.productId);
  const products = ids.length ? await catalogCollections(ctx).products.find({ _id: ctx.db.command.in(ids) }, { limit: ids.length }) : [];
  const byId = new Map(products.map((product) => [product._id, product]));
  return {
    items: items.flatMap((item) => {
      const product = byId.get(item.productId);
      return product ? [{ ...toProductCard(product, tier), onShelf: product.status === 'onShelf', favouritedAt: item.createdAt }] : [];
    }),
    nextCursor,
  };
}
