import type { OrderDoc } from '~/types/orders';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** One page of all orders (placements in flight and failed ones left out), newest first, by status. */
export async function listAllOrders(ctx: RequestContext, input: { status?: OrderDoc['status']; pageSize: number; cursor?: string }) {
  const _ = ctx.db.command;
  const query = input.status ? { status: input.status } : { status: _.nin(['placing', 'failed']) };
  return keysetPage(ctx.db.collection('orders'), _, query, { field: 'createdAt', direction: 'desc' }, input);
}
