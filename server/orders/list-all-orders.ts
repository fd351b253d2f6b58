import type { OrderDoc } from '~/types/orders';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** An order as admin lists show it: a pickup code is the member's to show at the till, so lists never carry it. */
function withoutPickupCode(order: OrderDoc): OrderDoc {
  return order.delivery.mode === 'pickup' ? { ...order, delivery: { ...order.delivery, pickupCode: null } } : order;
}

/** One page of all orders (placements in flight and failed ones left out), newest first, by status. */
export async function listAllOrders(ctx: RequestContext, input: { status?: OrderDoc['status']; pageSize: number; cursor?: string }) {
  const _ = ctx.db.command;
  const query = input.status ? { status: input.status } : { status: _.nin(['placing', 'failed']) };
  const page = await keysetPage(ctx.db.collection('orders'), _, query, { field: 'createdAt', direction: 'desc' }, input);
  return { ...page, items: page.items.map(withoutPickupCode) };
}
