import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { completeOrder, orderByPickupCode } from './fulfil-order';

/** Staff hand over a pickup order by the code its member shows. */
export async function completePickup(ctx: RequestContext, pickupCode: string): Promise<OrderDoc> {
  return completeOrder(ctx, await orderByPickupCode(ctx, pickupCode), 'pickedUp');
}
