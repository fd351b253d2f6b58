import { create } from 'zustand';
import type { CatalogResponses, ProductCard, ProductDetail } from '~/types/functions/catalog';
import * as catalogService from '../services/catalog';
import type { ProductQuery } from '../services/catalog';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { PagedList } from './paged-list';
import { emptyList, loadPage } from './paged-list';

/** The key a product list is kept under: one list per category, keyword and sort. */
export function queryKey(query: ProductQuery): string {
  return JSON.stringify([query.categoryId ?? '', query.keyword ?? '', query.sort]);
}

export interface CatalogState {
  home: Loadable<CatalogResponses['home']>;
  lists: Record<string, PagedList<ProductCard>>;
  products: Record<string, Loadable<ProductDetail>>;
  loadHome: () => Promise<void>;
  loadList: (query: ProductQuery, mode: 'first' | 'more') => Promise<void>;
  loadProduct: (productId: string) => Promise<void>;
}

/** What the shop shows: the home page, product lists by query, and product details. */
export const useCatalogStore = create<CatalogState>()((set, get) => ({
  home: idle(),
  lists: {},
  products: {},

  loadHome: () =>
    loadInto(
      () => get().home,
      (home) => set({ home }),
      () => catalogService.getHome(),
    ),

  loadList: (query, mode) => {
    const key = queryKey(query);
    return loadPage(
      () => get().lists[key] ?? emptyList<ProductCard>(),
      (list) => set({ lists: { ...get().lists, [key]: list } }),
      (cursor) => catalogService.listProducts(query, cursor),
      mode,
    );
  },

  loadProduct: (productId) =>
    loadInto(
      () => get().products[productId] ?? idle<ProductDetail>(),
      (product) => set({ products: { ...get().products, [productId]: product } }),
      () => catalogService.getProduct(productId),
    ),
}));
