import type { OrderDoc } from '~/types/orders';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { completeOrder, orderByPickupCode } from './fulfil-order';
import { alreadyHandedOver } from './pickup-code';

/**
 * An admin hands over a pickup order by the code its member shows; a second handover says when
 * and where the first was. The audit entry is written with the move that completes the order.
 */
export async function completePickup(ctx: RequestContext, pickupCode: string, admin: TokenClaims): Promise<OrderDoc> {
  const order = await orderByPickupCode(ctx, pickupCode);
  if (order.status === 'completed')
    throw alreadyHandedOver(order.completedAt, order.delivery.mode === 'pickup' ? order.delivery.storeName : null);
  return completeOrder(ctx, order, 'pickedUp', (before, completed) => ({
    _id: `audit:pickup:${completed._id}`,
    actor: adminActor(admin),
    action: 'completePickup',
    target: { type: 'order', id: completed._id },
    memberId: completed.memberId,
    before: { status: before.status },
    after: { status: completed.status },
  }));
}
