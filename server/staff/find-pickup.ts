import { CodedError } from '~/core/coded-error';
import type { PickupView } from '~/types/functions/staff';
import type { OrderDoc } from '~/types/orders';
import type { RedemptionDoc } from '~/types/rewards';
import type { StaffDoc } from '~/types/staff';
import { findPickupCode } from '../orders/pickup-code';
import type { RequestContext } from '../runtime/wx';
import { toOrderPickup, toRewardPickup } from './pickup-views';

export type FoundPickup = { view: PickupView } & ({ order: OrderDoc } | { redemption: RedemptionDoc });

const invalid = () => new CodedError('NOT_FOUND', '提货码无效');

/**
 * What a pickup code hands over, for the staff member's store: a paid pickup order of this store
 * (another store's order is refused with the store to send the member to), or a reward.
 */
export async function findPickup(ctx: RequestContext, staff: StaffDoc, code: string): Promise<FoundPickup> {
  const entry = await findPickupCode(ctx, code);
  if (!entry) throw invalid();
  if ('orderId' in entry) {
    const order = await ctx.db.collection('orders').get(entry.orderId);
    // A code drawn by a payment delivery that lost the race to another is not the order's code.
    if (!order || order.delivery.mode !== 'pickup' || order.delivery.pickupCode !== code) throw invalid();
    if (order.delivery.storeId !== staff.storeId) {
      throw new CodedError('INVALID_STATE', `该订单需到「${order.delivery.storeName}」提货`, { storeId: order.delivery.storeId });
    }
    const member = await ctx.db.collection('members').get(order.memberId);
    return { order, view: toOrderPickup(order, code, member?.nickname ?? '会员') };
  }
  const redemption = await ctx.db.collection('redemptions').get(entry.redemptionId);
  if (!redemption || redemption.pickupCode !== code) throw invalid();
  if (redemption.status !== 'awaitingPickup' && redemption.status !== 'fulfilled') {
    throw new CodedError('INVALID_STATE', '会员已取消该兑换，不能交付', { status: redemption.status });
  }
  const member = await ctx.db.collection('members').get(redemption.memberId);
  return { redemption, view: toRewardPickup(redemption, code, member?.nickname ?? '会员') };
}
