import { redeemBlocker } from '~/core/rewards/redeemable';
import type { MemberDoc } from '~/types/documents';
import type { RedemptionDoc } from '~/types/rewards';
import type { RequestContext } from '../runtime/wx';
import { loadProgramme } from '../programme/load-programme';
import { cancelRedemption } from './cancel-redemption';
import { REDEMPTION_LEASE_MS, redemption as steps } from './redemption-steps';
import { availableAt } from '~/core/points/expiry';
import { CodedError } from '~/core/coded-error';

export const redemptionId = (memberId: string, clientKey: string) => `redeem:${memberId}:${clientKey}`;

/**
 * Redeems a reward for points, once per client key: checks it can be redeemed, inserts the
 * redemption (a retry meets its `_id`, or finds it when its checks are refused because the first
 * request spent the points), then takes its steps (see redemption-steps): per-member quota,
 * stock, points, fulfilment, each an atomic guarded update or an idempotent posting.
 */
export async function redeemReward(
  ctx: RequestContext,
  member: MemberDoc,
  input: { rewardId: string; clientKey: string },
): Promise<RedemptionDoc> {
  const id = redemptionId(member._id, input.clientKey);
  const redemptions = ctx.db.collection('redemptions');
  // A cancel under way when a copy of this request finds the redemption is finished, and answered as it ends.
  const settle = async (found: RedemptionDoc) => {
    const settled = await steps.settle(ctx, found);
    return settled.status === 'cancelling' ? cancelRedemption(ctx, member._id, settled._id) : settled;
  };

  const reward = await ctx.db.collection('rewards').get(input.rewardId);
  if (!reward) {
    const raced = await redemptions.get(id);
    if (raced) return settle(raced);
    throw new CodedError('NOT_FOUND', '礼品不存在');
  }
  const { tiers } = await loadProgramme(ctx);
  const rankOf = (tierId: string) => tiers.find((tier) => tier._id === tierId)?.rank ?? 0;
  const refusal =
    redeemBlocker(reward, rankOf(member.tierId), rankOf, ctx.now) ??
    (availableAt(member.points, ctx.now) < reward.pointsCost
      ? new CodedError('INSUFFICIENT_POINTS', `积分不足：需要 ${reward.pointsCost}，可用 ${availableAt(member.points, ctx.now)}`)
      : null);
  if (refusal) {
    // This request may have redeemed already (its points are spent), or a copy of it may have taken the last unit: answer it, not the refusal.
    const raced = await redemptions.get(id);
    if (raced) return settle(raced);
    throw refusal;
  }

  const redemption: RedemptionDoc = {
    _id: id,
    memberId: member._id,
    rewardId: reward._id,
    title: reward.title,
    kind: reward.kind,
    pointsCost: reward.pointsCost,
    cashFen: reward.cashFen,
    status: 'processing',
    progress: 'reserved',
    failure: null,
    pickupCode: null,
    couponInstanceId: null,
    leaseUntil: ctx.now + REDEMPTION_LEASE_MS,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    fulfilledAt: null,
    cancelledAt: null,
  };
  if (!(await redemptions.insert(redemption))) return settle((await redemptions.get(id)) as RedemptionDoc);
  return steps.advance(ctx, redemption, reward);
}
