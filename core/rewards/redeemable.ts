import type { RewardDoc } from '~/types/rewards';
import type { EpochMs } from '~/types/units';
import { CodedError } from '~/core/coded-error';

/** Why a reward cannot be redeemed by this member now, or null when it can (stock and limits are checked atomically later). */
export function redeemBlocker(reward: RewardDoc, memberRank: number, rankOf: (tierId: string) => number, now: EpochMs): CodedError | null {
  if (reward.status !== 'active') return new CodedError('NOT_AVAILABLE', '该礼品已下架');
  if (reward.availableFrom !== null && now < reward.availableFrom) return new CodedError('NOT_AVAILABLE', '该礼品尚未开始兑换');
  if (reward.availableTo !== null && now > reward.availableTo) return new CodedError('NOT_AVAILABLE', '该礼品兑换已结束');
  if (reward.minTierId !== null && memberRank < rankOf(reward.minTierId)) return new CodedError('NOT_ELIGIBLE', '会员等级不足，暂不可兑换');
  if (reward.stockRemaining <= 0) return new CodedError('OUT_OF_STOCK', '礼品已兑完');
  return null;
}

/** A redemption that may still be cancelled by the member: a pickup not yet collected (or a cancel that stopped halfway). */
export function cancellable(redemption: { status: string; kind: RewardDoc['kind'] }): boolean {
  return (redemption.status === 'awaitingPickup' || redemption.status === 'cancelling') && redemption.kind !== 'coupon';
}
