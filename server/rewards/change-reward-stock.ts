import { toAdminRewardRow } from '~/core/rewards/reward-rules';
import { CodedError } from '~/core/coded-error';
import type { AdminRewardsResponses } from '~/types/functions/admin-rewards';
import type { RewardDoc } from '~/types/rewards';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

/** The audit entry of one stock change, keyed by the admin page's request: a retry finds it and changes nothing. */
export const stockChangeAuditId = (rewardId: string, requestKey: string) => `audit:rewardStock:${rewardId}:${requestKey}`;

/**
 * An admin adds or takes away reward stock by a number (not to a number), so units redeemed while
 * the admin typed are never put back on the shelf. Total and remaining stock move together, in
 * one transaction with the audit entry; the transaction reads the remaining stock and is
 * re-run when a redemption takes a unit before it commits, so a cut never takes more than
 * remains (never oversold, never below zero). Applied once per request key.
 */
export async function changeRewardStock(
  ctx: RequestContext,
  input: { rewardId: string; delta: number; requestKey: string },
  admin: TokenClaims,
): Promise<AdminRewardsResponses['changeRewardStock']> {
  const auditId = stockChangeAuditId(input.rewardId, input.requestKey);
  const outcome = await changeWithAudit<{ reward: RewardDoc; applied: boolean } | { short: number }>(ctx, async (tx) => {
    const ref = tx.collection('rewards').doc(input.rewardId);
    const [reward, done] = await Promise.all([ref.get(), tx.collection('audit_log').doc(auditId).get()]);
    if (!reward.data) throw new CodedError('NOT_FOUND', `礼品 ${input.rewardId} 不存在`);
    if (done.data) return { value: { reward: reward.data, applied: false }, audit: null };
    const before = reward.data;
    if (before.stockRemaining + input.delta < 0) return { value: { short: before.stockRemaining }, audit: null };
    const change = {
      totalStock: before.totalStock + input.delta,
      stockRemaining: before.stockRemaining + input.delta,
      updatedAt: ctx.now,
    };
    await ref.update({ data: change });
    return {
      value: { reward: { ...before, ...change }, applied: true },
      audit: {
        _id: auditId,
        actor: adminActor(admin),
        action: 'changeRewardStock',
        target: { type: 'reward', id: before._id },
        before: { totalStock: before.totalStock, stockRemaining: before.stockRemaining },
        after: { delta: input.delta, totalStock: change.totalStock, stockRemaining: change.stockRemaining },
      },
    };
  });
  if ('short' in outcome)
    throw new CodedError('OUT_OF_STOCK', `剩余库存只有 ${outcome.short}，最多可减少 ${outcome.short}`, { stockRemaining: outcome.short });
  return { reward: toAdminRewardRow(outcome.reward), applied: outcome.applied };
}
