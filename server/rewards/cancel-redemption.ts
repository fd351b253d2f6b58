import { cancellable } from '~/core/rewards/redeemable';
import { RuleError } from '~/core/rule-error';
import type { RedemptionDoc, RewardDoc } from '~/types/rewards';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';
import { refundSpentPoints } from '../points/member-points';
import { quotaId, spendKeyOf } from './redeem-reward';

/**
 * The member cancels a pickup not yet collected: the status change is one guarded update (so
 * it happens once), then the points come back (idempotent posting) and the stock and quota are
 * restored behind a one-time flag. A retry after a crash finishes what is left.
 */
export async function cancelRedemption(ctx: RequestContext, memberId: string, id: string): Promise<RedemptionDoc> {
  const _ = ctx.db.command;
  const redemptions = ctx.db.collection<RedemptionDoc & { restocked?: boolean }>('redemptions');
  const redemption = await redemptions.get(id);
  if (!redemption || redemption.memberId !== memberId) throw new AppError('NOT_FOUND', '兑换记录不存在');
  if (redemption.status !== 'cancelled') {
    if (!cancellable(redemption)) throw new RuleError('INVALID_STATE', '该兑换已领取或不可取消');
    const moved = await redemptions.updateWhere({ _id: id, memberId, status: 'awaitingPickup' }, { status: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now });
    if (moved !== 1) return cancelRedemption(ctx, memberId, id);
  }
  await refundSpentPoints(ctx, {
    memberId,
    key: `refund:reward:${id}`,
    spendKey: spendKeyOf(id),
    reason: `取消兑换退回积分：${redemption.title}`,
    ref: { type: 'reward', id },
  });
  if ((await redemptions.updateWhere({ _id: id, restocked: _.neq(true) }, { restocked: true })) === 1) {
    await ctx.db.collection<RewardDoc>('rewards').updateWhere({ _id: redemption.rewardId }, { stockRemaining: _.inc(1) });
    await ctx.db.collection('reward_quotas').updateWhere({ _id: quotaId(redemption.rewardId, memberId) }, { count: _.inc(-1) });
  }
  return { ...redemption, status: 'cancelled', cancelledAt: redemption.cancelledAt ?? ctx.now };
}
