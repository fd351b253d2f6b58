import { create } from 'zustand';
import type { RedemptionView, RewardView } from '~/types/functions/rewards';
import * as rewardsService from '../services/rewards';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt, failed } from './outcome';
import type { PagedList } from './paged-list';
import { emptyList, loadPage } from './paged-list';
import { refreshMemberFigures } from './member';

export interface MallState {
  rewards: Loadable<RewardView[]>;
  redemptions: PagedList<RedemptionView>;
  /** The reward being redeemed, and the key of that redeem tap (sent again on a retry). */
  redeeming: { rewardId: string; clientKey: string } | null;
  /** The redemption being cancelled. */
  cancelling: string | null;
  loadRewards: () => Promise<void>;
  loadRedemptions: (mode: 'first' | 'more') => Promise<void>;
  /** Redeems with the key made for this tap; the same key on a retry redeems once. */
  redeem: (rewardId: string, clientKey: string) => Promise<Outcome<RedemptionView>>;
  cancel: (redemptionId: string) => Promise<Outcome<RedemptionView>>;
}

/** The points mall: rewards, the member's redemptions, redeeming and cancelling. */
export const useMallStore = create<MallState>()((set, get) => ({
  rewards: idle(),
  redemptions: emptyList(),
  redeeming: null,
  cancelling: null,

  loadRewards: () =>
    loadInto(
      () => get().rewards,
      (rewards) => set({ rewards }),
      async () => (await rewardsService.listRewards()).items,
    ),

  loadRedemptions: (mode) =>
    loadPage(
      () => get().redemptions,
      (redemptions) => set({ redemptions }),
      (cursor) => rewardsService.listRedemptions(cursor),
      mode,
    ),

  redeem: async (rewardId, clientKey) => {
    if (get().redeeming) return failed(new Error('a redemption is already in progress'));
    set({ redeeming: { rewardId, clientKey } });
    try {
      return await attempt(async () => {
        const redemption = await rewardsService.redeem(rewardId, clientKey);
        refreshMemberFigures();
        const list = get().redemptions;
        if (list.status === 'ready' && !list.items.some((item) => item.id === redemption.id)) {
          set({ redemptions: { ...list, items: [redemption, ...list.items] } });
        }
        return redemption;
      });
    } finally {
      set({ redeeming: null });
    }
  },

  cancel: async (redemptionId) => {
    set({ cancelling: redemptionId });
    try {
      return await attempt(async () => {
        const redemption = await rewardsService.cancelRedemption(redemptionId);
        refreshMemberFigures();
        const list = get().redemptions;
        set({ redemptions: { ...list, items: list.items.map((item) => (item.id === redemption.id ? redemption : item)) } });
        return redemption;
      });
    } finally {
      set({ cancelling: null });
    }
  },
}));
