import { toProductCard } from '~/core/catalog/product-views';
import { keywordPatterns } from '~/core/catalog/search-text';
import type { ProductDoc } from '~/types/catalog';
import type { CatalogResponses } from '~/types/functions/catalog';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { catalogCollections } from './catalog-collections';

export type ProductSort = 'default' | 'priceAsc' | 'priceDesc' | 'sales';

/** The field and direction each sort pages by (then `_id` the same way), each backed by an index in collections.json. */
const ORDERS: Record<ProductSort, { field: 'sort' | 'minPriceFen' | 'salesCount'; direction: 'asc' | 'desc' }> = {
  default: { field: 'sort', direction: 'asc' },
  priceAsc: { field: 'minPriceFen', direction: 'asc' },
  priceDesc: { field: 'minPriceFen', direction: 'desc' },
  sales: { field: 'salesCount', direction: 'desc' },
};

/** The query for products matching a category and keyword; every word of the keyword must appear in `searchText`. */
export function productQuery(
  ctx: RequestContext,
  filter: { status?: ProductDoc['status']; categoryId?: string; keyword?: string },
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
  };
  const words = filter.keyword ? keywordPatterns(filter.keyword).map((pattern) => ({ searchText: ctx.db.regExp(pattern) })) : [];
  if (words.length === 0) return base;
  if (words.length === 1) return { ...base, ...words[0] };
  return ctx.db.command.and([base, ...words]);
}

/** A page of the products on the shelf, by category and keyword, in the chosen order, priced for the caller. */
export async function listProducts(
  ctx: RequestContext,
  input: { categoryId?: string; keyword?: string; sort: ProductSort; pageSize: number; cursor?: string },
): Promise<CatalogResponses['list']> {
  const query = productQuery(ctx, { status: 'onShelf', categoryId: input.categoryId, keyword: input.keyword });
  const [{ items, nextCursor }, { tier }] = await Promise.all([
    keysetPage(catalogCollections(ctx).products, ctx.db.command, query, ORDERS[input.sort], input),
    loadCallerTier(ctx),
  ]);
  return { items: items.map((product) => toProductCard(product, tier)), nextCursor };
}
