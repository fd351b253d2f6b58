import type { RedemptionDoc } from '~/types/rewards';
import { refundSpentPoints } from '../points/refund-spent-points';
import type { RequestContext } from '../runtime/wx';

export const quotaId = (rewardId: string, memberId: string) => `${rewardId}:${memberId}`;
export const spendKeyOf = (redemptionId: string) => `spend:reward:${redemptionId}`;

/**
 * Gives back what a redemption took, for one that is failing or being cancelled: the points
 * (an idempotent ledger posting), then stock and quota behind the one-time `restocked` flag.
 * Safe to run again after a crash at any point: what was given back is not given twice, and a
 * crash between the flag and the counters leaves stock one low, never one high.
 */
export async function giveBack(ctx: RequestContext, redemption: RedemptionDoc, reason: string): Promise<void> {
  const _ = ctx.db.command;
  await refundSpentPoints(ctx, {
    memberId: redemption.memberId,
    key: `refund:reward:${redemption._id}`,
    spendKey: spendKeyOf(redemption._id),
    reason: `${reason}：${redemption.title}`,
    ref: { type: 'reward', id: redemption._id },
  });
  const took = ['quota', 'stock', 'paid', 'done'].indexOf(redemption.progress);
  if (took < 0) return;
  const redemptions = ctx.db.collection('redemptions');
  if ((await redemptions.updateWhere({ _id: redemption._id, restocked: _.neq(true) }, { restocked: true })) !== 1) return;
  if (took >= 1) await ctx.db.collection('rewards').updateWhere({ _id: redemption.rewardId }, { stockRemaining: _.inc(1) });
  await ctx.db.collection('reward_quotas').updateWhere({ _id: quotaId(redemption.rewardId, redemption.memberId) }, { count: _.inc(-1) });
}
