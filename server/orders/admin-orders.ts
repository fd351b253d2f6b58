import type { OrderDoc, RefundDoc } from '~/types/orders';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { completeOrder, orderByPickupCode, shipOrder } from './fulfil-order';
import { loadOrder } from './load-order';

/** One page of all orders (placements in flight and failed ones left out), newest first, by status. */
export async function listAllOrders(ctx: RequestContext, input: { status?: OrderDoc['status']; pageSize: number; cursor?: string }) {
  const _ = ctx.db.command;
  const query = input.status ? { status: input.status } : { status: _.nin(['placing', 'failed']) };
  return keysetPage(ctx.db.collection('orders'), _, query, { field: 'createdAt', direction: 'desc' }, input);
}

/** One page of refunds, newest request first, by status. */
export async function listRefunds(ctx: RequestContext, input: { status?: RefundDoc['status']; pageSize: number; cursor?: string }) {
  const _ = ctx.db.command;
  return keysetPage(
    ctx.db.collection('refunds'),
    _,
    input.status ? { status: input.status } : {},
    { field: 'requestedAt', direction: 'desc' },
    input,
  );
}

/** Staff ship an order by id. */
export async function shipOrderById(ctx: RequestContext, orderId: string, trackingNo: string): Promise<OrderDoc> {
  return shipOrder(ctx, await loadOrder(ctx, orderId), trackingNo);
}

/** Staff hand over a pickup order by the code its member shows. */
export async function completePickup(ctx: RequestContext, pickupCode: string): Promise<OrderDoc> {
  return completeOrder(ctx, await orderByPickupCode(ctx, pickupCode), 'pickedUp');
}
