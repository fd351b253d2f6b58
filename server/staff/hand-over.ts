import { CodedError } from '~/core/coded-error';
import type { PickupView } from '~/types/functions/staff';
import type { StaffDoc } from '~/types/staff';
import { writeAudit } from '../audit/write-audit';
import { completeOrder } from '../orders/fulfil-order';
import { alreadyHandedOver, markHandedOver } from '../orders/pickup-code';
import { fulfilRedemption } from '../rewards/fulfil-redemption';
import type { RequestContext } from '../runtime/wx';
import type { FoundPickup } from './find-pickup';
import { loadStore } from './load-store';
import { toOrderPickup, toRewardPickup } from './pickup-views';
import { staffActor } from './require-staff';

/**
 * Hands over what a pickup code names, once: a pickup order is completed (its points start their
 * return window), a reward is fulfilled with its cash part collected. A second handover answers
 * ALREADY_HANDED_OVER with when and where; every handover writes its audit entry.
 */
export async function handOver(ctx: RequestContext, staff: StaffDoc, found: FoundPickup): Promise<PickupView> {
  const { view } = found;
  if (view.status === 'handedOver') throw alreadyHandedOver(view.handedOverAt, view.storeName);
  const actor = staffActor(staff);
  if ('order' in found) {
    const order = await completeOrder(ctx, found.order, 'pickedUp', (before, completed) => ({
      _id: `audit:pickup:${completed._id}`,
      actor,
      action: 'handOverOrder',
      target: { type: 'order', id: completed._id },
      memberId: completed.memberId,
      before: { status: before.status },
      after: { status: completed.status },
    }));
    return toOrderPickup(order, view.code, view.memberNickname);
  }
  const store = await loadStore(ctx, staff.storeId);
  const { redemption, fulfilled } = await fulfilRedemption(ctx, {
    redemptionId: found.redemption._id,
    storeId: store._id,
    storeName: store.name,
    staffId: staff._id,
  });
  if (!fulfilled) {
    if (redemption.status === 'fulfilled') throw alreadyHandedOver(redemption.fulfilledAt, redemption.fulfilledStoreName ?? null);
    throw new CodedError('INVALID_STATE', '会员已取消该兑换，不能交付', { status: redemption.status });
  }
  await markHandedOver(ctx, view.code);
  await writeAudit(ctx, {
    _id: `audit:pickup:${redemption._id}`,
    actor,
    action: 'handOverReward',
    target: { type: 'redemption', id: redemption._id },
    memberId: redemption.memberId,
    amounts: { cashFen: redemption.cashFen },
    before: { status: 'awaitingPickup' },
    after: { status: 'fulfilled', cashCollectedFen: redemption.cashFen },
  });
  return toRewardPickup(redemption, view.code, view.memberNickname);
}
