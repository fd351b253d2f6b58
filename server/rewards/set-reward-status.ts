import { toAdminRewardRow } from '~/core/rewards/reward-rules';
import { CodedError } from '~/core/coded-error';
import type { AdminRewardRow } from '~/types/functions/admin-rewards';
import type { RewardDoc } from '~/types/rewards';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

/**
 * An admin puts a reward on the shelf (active), takes it off (paused) or ends it for good, with
 * its audit entry in the same transaction; setting the status it has changes nothing and writes
 * no entry.
 * Redemptions already made are not touched: pickups stay collectable.
 */
export async function setRewardStatus(
  ctx: RequestContext,
  input: { rewardId: string; status: RewardDoc['status'] },
  admin: TokenClaims,
): Promise<AdminRewardRow> {
  const rewards = ctx.db.collection('rewards');
  const reward = await rewards.get(input.rewardId);
  if (!reward) throw new CodedError('NOT_FOUND', `礼品 ${input.rewardId} 不存在`);
  if (reward.status === 'ended' && input.status !== 'ended') throw new CodedError('INVALID_STATE', '已结束的礼品不能再上架或下架');
  if (input.status === 'active' && reward.kind === 'coupon') {
    const template = reward.couponTemplateId ? await ctx.db.collection('coupon_templates').get(reward.couponTemplateId) : null;
    if (!template || template.status !== 'active')
      throw new CodedError('INVALID_STATE', '该礼品的券模板未启用，请先启用券模板或改选模板后再上架');
  }
  const changed =
    reward.status === input.status
      ? null
      : await updateWithAudit(ctx, {
          collection: 'rewards',
          id: reward._id,
          expected: (now) => now.status !== input.status,
          change: { status: input.status, updatedAt: ctx.now },
          audit: (before) => ({
            actor: adminActor(admin),
            action: 'setRewardStatus',
            target: { type: 'reward', id: reward._id },
            before: { status: before.status },
            after: { status: input.status },
          }),
        });
  return toAdminRewardRow(changed ?? (await rewards.get(reward._id)) ?? reward);
}
