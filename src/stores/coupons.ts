import { create } from 'zustand';
import type { CentreCoupon, MyCoupon } from '~/types/functions/coupons';
import type { MyCouponStatus } from '../services/coupons';
import * as couponsService from '../services/coupons';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt, failed } from './outcome';
import type { PagedList } from './paged-list';
import { emptyList, loadPage } from './paged-list';
import { refreshMemberFigures } from './member';

export interface CouponsState {
  centre: Loadable<CentreCoupon[]>;
  mine: Record<MyCouponStatus, PagedList<MyCoupon>>;
  /** The template being claimed. */
  claiming: string | null;
  loadCentre: () => Promise<void>;
  loadMine: (status: MyCouponStatus, mode: 'first' | 'more') => Promise<void>;
  /** Claims with the key made for this tap; the same key on a retry claims once. */
  claim: (templateId: string, clientKey: string) => Promise<Outcome<MyCoupon>>;
}

/** The coupon centre and the member's coupons by status. */
export const useCouponsStore = create<CouponsState>()((set, get) => ({
  centre: idle(),
  mine: { usable: emptyList(), used: emptyList(), expired: emptyList() },
  claiming: null,

  loadCentre: () =>
    loadInto(
      () => get().centre,
      (centre) => set({ centre }),
      async () => (await couponsService.listCentre()).items,
    ),

  loadMine: (status, mode) =>
    loadPage(
      () => get().mine[status],
      (list) => set({ mine: { ...get().mine, [status]: list } }),
      (cursor) => couponsService.listMine(status, cursor),
      mode,
    ),

  claim: async (templateId, clientKey) => {
    if (get().claiming) return failed(new Error('a claim is already in progress'));
    set({ claiming: templateId });
    try {
      return await attempt(async () => {
        const { coupon } = await couponsService.claimCoupon(templateId, clientKey);
        // The centre's counts and the wallet both changed: read them again when next shown.
        set({ mine: { ...get().mine, usable: emptyList() } });
        refreshMemberFigures();
        await get().loadCentre();
        return coupon;
      });
    } finally {
      set({ claiming: null });
    }
  },
}));
