import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { withStock } from './admin-products';
import { catalogCollections } from './catalog-collections';
import { productQuery } from './list-products';

/** The admin's product list, on and off the shelf, most recently edited first, with each SKU's stock. */
export async function listAdminProducts(
  ctx: RequestContext,
  input: { status: 'all' | 'onShelf' | 'offShelf'; categoryId?: string; keyword?: string; pageSize: number; cursor?: string },
): Promise<AdminCatalogResponses['listProducts']> {
  const query = productQuery(ctx, {
    status: input.status === 'all' ? undefined : input.status,
    categoryId: input.categoryId,
    keyword: input.keyword,
  });
  const { items, nextCursor } = await keysetPage(
    catalogCollections(ctx).products,
    ctx.db.command,
    query,
    { field: 'updatedAt', direction: 'desc' },
    input,
  );
  return { items: await withStock(ctx, items), nextCursor };
}
