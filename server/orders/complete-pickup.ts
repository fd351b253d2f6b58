import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { completeOrder, orderByPickupCode } from './fulfil-order';
import { alreadyHandedOver } from './pickup-code';

/** Staff hand over a pickup order by the code its member shows; a second handover says when and where the first was. */
export async function completePickup(ctx: RequestContext, pickupCode: string): Promise<OrderDoc> {
  const order = await orderByPickupCode(ctx, pickupCode);
  if (order.status === 'completed')
    throw alreadyHandedOver(order.completedAt, order.delivery.mode === 'pickup' ? order.delivery.storeName : null);
  return completeOrder(ctx, order, 'pickedUp');
}
