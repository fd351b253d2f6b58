import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

/** One of the member's own orders; another member's order, or one still being placed, is NOT_FOUND. */
export async function loadOwnOrder(ctx: RequestContext, memberId: string, orderId: string): Promise<OrderDoc> {
  const order = await ctx.db.collection('orders').get(orderId);
  if (!order || order.memberId !== memberId || order.status === 'placing' || order.status === 'failed')
    throw new CodedError('NOT_FOUND', '订单不存在');
  return order;
}

/** An order by id, for staff and admins and the payment callback. */
export async function loadOrder(ctx: RequestContext, orderId: string): Promise<OrderDoc> {
  const order = await ctx.db.collection('orders').get(orderId);
  if (!order) throw new CodedError('NOT_FOUND', '订单不存在');
  return order;
}
