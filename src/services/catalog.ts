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

/** 猜你喜欢: products bought together with the given ones, topped up with best sellers, none of the given or excluded ones. */
export function recommend(productIds: string[], exclude: string[] = [], limit = 6): Promise<CatalogResponses['recommend']> {
  return callFunction('catalog', 'recommend', { productIds, exclude, limit });
}

/** Keeps a product in 我的收藏 (members only; again is a no-op). */
export function addFavourite(productId: string): Promise<CatalogResponses['addFavourite']> {
  return callFunction('catalog', 'addFavourite', { productId });
}

/** Takes a product out of 我的收藏. */
export function removeFavourite(productId: string): Promise<CatalogResponses['removeFavourite']> {
  return callFunction('catalog', 'removeFavourite', { productId });
}

/** One page of 我的收藏, newest first. */
export function listFavourites(cursor?: string, pageSize = 20): Promise<CatalogResponses['favourites']> {
  return callFunction('catalog', 'favourites', { pageSize, ...(cursor ? { cursor } : {}) });
}
