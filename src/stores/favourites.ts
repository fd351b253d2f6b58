import { create } from 'zustand';
import type { FavouriteItem } from '~/types/functions/catalog';
import * as catalogService from '../services/catalog';
import { useCatalogStore } from './catalog';
import type { Outcome } from './outcome';
import { attempt, failed } from './outcome';
import type { PagedList } from './paged-list';
import { emptyList, loadPage } from './paged-list';

export interface FavouritesState {
  list: PagedList<FavouriteItem>;
  /** The product being favourited or un-favourited. */
  busy: string | null;
  loadList: (mode: 'first' | 'more') => Promise<void>;
  /** Favourites (`on`) or un-favourites a product; answers whether it is now kept. */
  setFavourite: (productId: string, on: boolean) => Promise<Outcome<boolean>>;
}

/** 我的收藏, and the favourite state the product page shows. */
export const useFavouritesStore = create<FavouritesState>()((set, get) => ({
  list: emptyList(),
  busy: null,

  loadList: (mode) =>
    loadPage(
      () => get().list,
      (list) => set({ list }),
      (cursor) => catalogService.listFavourites(cursor),
      mode,
    ),

  setFavourite: async (productId, on) => {
    if (get().busy) return failed(new Error('a favourite change is already in progress'));
    set({ busy: productId });
    try {
      return await attempt(async () => {
        const { favourited } = on ? await catalogService.addFavourite(productId) : await catalogService.removeFavourite(productId);
        // The product page reads the state from its detail; the list drops an un-favourited one at once and reloads when shown again.
        const catalog = useCatalogStore.getState();
        const product = catalog.products[productId];
        if (product?.data)
          useCatalogStore.setState({
            products: { ...catalog.products, [productId]: { ...product, data: { ...product.data, favourited } } },
          });
        const list = get().list;
        if (!favourited) set({ list: { ...list, items: list.items.filter((item) => item.id !== productId) } });
        return favourited;
      });
    } finally {
      set({ busy: null });
    }
  },
}));
