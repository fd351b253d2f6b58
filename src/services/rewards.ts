import type { RedemptionView, RewardsResponses } from '~/types/functions/rewards';
import { callFunction } from './cloud';

/** The points mall as this member sees it. */
export function listRewards(): Promise<RewardsResponses['list']> {
  return callFunction('rewards', 'list', {});
}

/** Redeems a reward; a retry with the same `clientKey` gets the first answer. */
export function redeem(rewardId: string, clientKey: string): Promise<RedemptionView> {
  return callFunction('rewards', 'redeem', { rewardId, clientKey });
}

/** One page of the member's redemptions, newest first. */
export function listRedemptions(cursor?: string, pageSize = 20): Promise<RewardsResponses['myRedemptions']> {
  return callFunction('rewards', 'myRedemptions', cursor ? { cursor, pageSize } : { pageSize });
}

/** Cancels a redemption that has not been handed over; the points come back. */
export function cancelRedemption(redemptionId: string): Promise<RedemptionView> {
  return callFunction('rewards', 'cancel', { redemptionId });
}
