import type { CatalogResponses, ProductDetail } from '~/types/functions/catalog';
import { callFunction } from './cloud';

/** How a product list is ordered. */
export type ProductSort = 'default' | 'priceAsc' | 'priceDesc' | 'sales';

/** What a product list shows: a category, a keyword, or both. */
export interface ProductQuery {
  categoryId?: string;
  keyword?: string;
  sort: ProductSort;
}

/** Banners, categories and recommended products for the home page. */
export function getHome(): Promise<CatalogResponses['home']> {
  return callFunction('catalog', 'home', {});
}

/** One page of products for a category and/or keyword, in the chosen order. */
export function listProducts(query: ProductQuery, cursor?: string, pageSize = 20): Promise<CatalogResponses['list']> {
  return callFunction('catalog', 'list', {
    sort: query.sort,
    pageSize,
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    ...(query.keyword ? { keyword: query.keyword } : {}),
    ...(cursor ? { cursor } : {}),
  });
}

/** A product with its SKUs, the caller's member price and the next tier's, and points per unit. */
export function getProduct(productId: string): Promise<ProductDetail> {
  return callFunction('catalog', 'detail', { productId });
}

/** Checks cart lines against the catalogue: current prices, stock and shelf state, per line. */
export function checkCart(items: { skuId: string; quantity: number }[]): Promise<CatalogResponses['checkCart']> {
  return callFunction('catalog', 'checkCart', { items });
}
