import { CodedError } from '~/core/coded-error';
import type { RedemptionDoc } from '~/types/rewards';
import type { RequestContext } from '../runtime/wx';

/**
 * Staff hand over a reward awaiting pickup (awaitingPickup → fulfilled), recording the store, the
 * staff member, the time and the cash part collected. One guarded update, so a handover and a
 * member's cancel racing each other cannot both happen. Answers the redemption and whether this
 * call fulfilled it (false: it already was, or it is no longer awaiting pickup).
 */
export async function fulfilRedemption(
  ctx: RequestContext,
  input: { redemptionId: string; storeId: string; storeName: string; staffId: string },
): Promise<{ redemption: RedemptionDoc; fulfilled: boolean }> {
  const redemptions = ctx.db.collection('redemptions');
  const current = await redemptions.get(input.redemptionId);
  if (!current) throw new CodedError('NOT_FOUND', '兑换记录不存在');
  const change = {
    status: 'fulfilled' as const,
    fulfilledAt: ctx.now,
    fulfilledStoreId: input.storeId,
    fulfilledStoreName: input.storeName,
    fulfilledBy: input.staffId,
    cashCollectedFen: current.cashFen,
    updatedAt: ctx.now,
  };
  const moved = await redemptions.updateWhere({ _id: current._id, status: 'awaitingPickup' }, change);
  if (moved === 1) return { redemption: { ...current, ...change }, fulfilled: true };
  return { redemption: (await redemptions.get(current._id)) ?? current, fulfilled: false };
}
