import { rewardsRequests } from '~/types/functions/rewards';
import { loadMember } from '../members/get-profile';
import type { Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { cancelRedemption } from './cancel-redemption';
import { redeemReward } from './redeem-reward';
import { listMyRedemptions, listRewards, toRedemptionView } from './reward-views';

/** Routes of the `rewards` function (the points mall): the caller's own redemptions only. */
export const rewardsRoutes: Routes<'rewards'> = {
  list: async (input, ctx) => ({ items: await listRewards(ctx, await loadMember(ctx, requireOpenid(ctx)), input.category) }),
  redeem: async (input, ctx) => toRedemptionView(await redeemReward(ctx, await loadMember(ctx, requireOpenid(ctx)), input)),
  myRedemptions: async (input, ctx) => listMyRedemptions(ctx, await loadMember(ctx, requireOpenid(ctx)), input),
  cancel: async (input, ctx) => {
    const member = await loadMember(ctx, requireOpenid(ctx));
    return toRedemptionView(await cancelRedemption(ctx, member._id, input.redemptionId));
  },
};

/** The `rewards` cloud function's main. */
export const rewardsMain = createWxHandler<'rewards'>(rewardsRequests, rewardsRoutes);
