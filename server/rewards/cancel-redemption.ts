import { cancellable } from '~/core/rewards/redeemable';
import type { RedemptionDoc } from '~/types/rewards';
import type { RequestContext } from '../runtime/wx';
import { redemption as steps } from './redemption-steps';
import { CodedError } from '~/core/coded-error';

/**
 * The member cancels a pickup not yet collected: one guarded update moves it to cancelling
 * (so it happens once), its steps are given back (points, stock and quota; resumable), then it
 * is cancelled.
 * A cancel that stopped halfway stays cancellable, so the member's retry finishes it.
 */
export async function cancelRedemption(ctx: RequestContext, memberId: string, id: string): Promise<RedemptionDoc> {
  const redemptions = ctx.db.collection('redemptions');
  const redemption = await redemptions.get(id);
  if (!redemption || redemption.memberId !== memberId) throw new CodedError('NOT_FOUND', '兑换记录不存在');
  if (redemption.status === 'cancelled') return redemption;
  if (!cancellable(redemption)) throw new CodedError('INVALID_STATE', '该兑换已领取或不可取消');
  if (redemption.status === 'awaitingPickup') {
    const moved = await redemptions.updateWhere(
      { _id: id, memberId, status: 'awaitingPickup' },
      { status: 'cancelling', cancelledAt: ctx.now, updatedAt: ctx.now },
    );
    if (moved !== 1) return cancelRedemption(ctx, memberId, id);
  }
  await steps.giveBack(ctx, { ...redemption, status: 'cancelling' }, true);
  await redemptions.updateWhere({ _id: id, status: 'cancelling' }, { status: 'cancelled', updatedAt: ctx.now });
  return { ...redemption, status: 'cancelled', cancelledAt: redemption.cancelledAt ?? ctx.now };
}
