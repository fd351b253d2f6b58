import { create } from 'zustand';
import type { ProductCard } from '~/types/functions/catalog';
import * as catalogService from '../services/catalog';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';

/** The key a 猜你喜欢 section is kept under: one per set of products it follows and products it leaves out. */
export const recommendationKey = (productIds: readonly string[], exclude: readonly string[] = []) =>
  JSON.stringify([[...productIds].sort(), [...exclude].sort()]);

export interface RecommendationsState {
  sections: Record<string, Loadable<ProductCard[]>>;
  load: (productIds: readonly string[], exclude?: readonly string[]) => Promise<void>;
}

/** 猜你喜欢 sections: what was bought together with the given products, then best sellers. */
export const useRecommendationsStore = create<RecommendationsState>()((set, get) => ({
  sections: {},

  load: (productIds, exclude = []) => {
    const key = recommendationKey(productIds, exclude);
    return loadInto(
      () => get().sections[key] ?? idle<ProductCard[]>(),
      (section) => set({ sections: { ...get().sections, [key]: section } }),
      async () => (await catalogService.recommend([...productIds], [...exclude])).items,
    );
  },
}));
