import type { OrderView } from '~/types/functions/orders';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { toOrderView } from './order-views';
import { loadShopSettings } from './shop-settings';

const VISIBLE = ['pendingPayment', 'cancelled', 'paid', 'shipped', 'completed', 'refunded'];

export type OrderTab = 'all' | 'pendingPayment' | 'paid' | 'shipped' | 'completed' | 'refund';

/** One page of the member's orders, newest first, by tab (全部, 待付款, 待发货, 待收货, 已完成, 退款/售后). */
export async function listOrders(
  ctx: RequestContext,
  memberId: string,
  input: { status: OrderTab; pageSize: number; cursor?: string },
): Promise<{ items: OrderView[]; nextCursor: string | null }> {
  const _ = ctx.db.command;
  const filter =
    input.status === 'all' ? { status: _.in(VISIBLE) } : input.status === 'refund' ? { hasRefund: true } : { status: input.status };
  const [page, shop] = await Promise.all([
    keysetPage(ctx.db.collection('orders'), _, { memberId, ...filter }, { field: 'createdAt', direction: 'desc' }, input),
    loadShopSettings(ctx),
  ]);
  const withRefunds = page.items.filter((order) => order.hasRefund).map((order) => order._id);
  const refunds = withRefunds.length
    ? await ctx.db.collection('refunds').find({ orderId: _.in(withRefunds) }, { orderBy: [['requestedAt', 'desc']], limit: 100 })
    : [];
  return {
    items: page.items.map((order) =>
      toOrderView(
        order,
        refunds.filter((refund) => refund.orderId === order._id),
        ctx.now,
        shop.refundDays,
      ),
    ),
    nextCursor: page.nextCursor,
  };
}
