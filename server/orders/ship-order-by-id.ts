import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { shipOrder } from './fulfil-order';
import { loadOrder } from './load-order';

/** Staff ship an order by id. */
export async function shipOrderById(ctx: RequestContext, orderId: string, trackingNo: string): Promise<OrderDoc> {
  return shipOrder(ctx, await loadOrder(ctx, orderId), trackingNo);
}
