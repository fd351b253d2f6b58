import { toRedemptionView } from '~/core/rewards/redemption-view';
import { rewardsRequests } from '~/types/functions/rewards';
import { loadCaller } from '../members/get-profile';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { showingCloudFiles } from '../storage/show-cloud-files';
import { cancelRedemption } from './cancel-redemption';
import { redeemReward } from './redeem-reward';
import { listMyRedemptions } from './list-my-redemptions';
import { listRewards } from './list-rewards';

/** Routes of the `rewards` function (the points mall): the caller's own redemptions only. */
export const rewardsRoutes: Routes<'rewards'> = {
  list: async (input, ctx) => ({ items: await listRewards(ctx, await loadCaller(ctx), input.category) }),
  redeem: async (input, ctx) => toRedemptionView(await redeemReward(ctx, await loadCaller(ctx), input)),
  myRedemptions: async (input, ctx) => listMyRedemptions(ctx, await loadCaller(ctx), input),
  cancel: async (input, ctx) => toRedemptionView(await cancelRedemption(ctx, (await loadCaller(ctx))._id, input.redemptionId)),
};

/** The `rewards` cloud function's main. */
export const rewardsMain = createWxHandler<'rewards'>(rewardsRequests, showingCloudFiles(rewardsRoutes));
