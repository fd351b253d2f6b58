import { ordersRequests } from '~/types/functions/orders';
import { loadMember } from '../members/get-profile';
import type { RequestContext, Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { cancelOrder } from './cancel-order';
import { buildCheckout, toPreview } from './checkout';
import { completeOrder } from './fulfil-order';
import { listOrders } from './list-orders';
import { loadOwnOrder } from './load-order';
import { toOrderView } from './order-views';
import { placeOrder } from './place-order';
import { refundsOf, requestRefund } from './request-refund';
import { loadShopSettings } from './shop-settings';
import { startPayment } from './start-payment';

const caller = async (ctx: RequestContext) => loadMember(ctx, requireOpenid(ctx));

/** The member's view of an order as it is now, with its refunds. */
async function viewOf(ctx: RequestContext, orderId: string, memberId: string) {
  const [order, refunds, shop] = await Promise.all([loadOwnOrder(ctx, memberId, orderId), refundsOf(ctx, orderId), loadShopSettings(ctx)]);
  return toOrderView(order, refunds, ctx.now, shop.refundDays);
}

/** Routes of the `orders` function: the caller is always the member acted on. */
export const ordersRoutes: Routes<'orders'> = {
  preview: async ({ action: _action, ...input }, ctx) => toPreview(await buildCheckout(ctx, await caller(ctx), input)),
  place: async ({ action: _action, ...input }, ctx) => {
    const member = await caller(ctx);
    const order = await placeOrder(ctx, member, input);
    // placeOrder answers the order as it now is; only a replayed one can have refunds to read.
    const [refunds, shop] = await Promise.all([order.hasRefund ? refundsOf(ctx, order._id) : [], loadShopSettings(ctx)]);
    return toOrderView(order, refunds, ctx.now, shop.refundDays);
  },
  pay: async ({ orderId }, ctx) => startPayment(ctx, (await caller(ctx))._id, orderId),
  cancel: async ({ orderId, reason }, ctx) => {
    const member = await caller(ctx);
    await cancelOrder(ctx, await loadOwnOrder(ctx, member._id, orderId), reason || '买家取消订单');
    return viewOf(ctx, orderId, member._id);
  },
  confirmReceipt: async ({ orderId }, ctx) => {
    const member = await caller(ctx);
    await completeOrder(ctx, await loadOwnOrder(ctx, member._id, orderId), 'received');
    return viewOf(ctx, orderId, member._id);
  },
  list: async ({ action: _action, ...input }, ctx) => listOrders(ctx, (await caller(ctx))._id, input),
  detail: async ({ orderId }, ctx) => viewOf(ctx, orderId, (await caller(ctx))._id),
  requestRefund: async ({ action: _action, ...input }, ctx) => {
    const member = await caller(ctx);
    await requestRefund(ctx, member._id, input);
    return viewOf(ctx, input.orderId, member._id);
  },
  stores: async (_input, ctx) => {
    const stores = await ctx.db.collection('stores').find({ status: 'open' }, { limit: 50 });
    return {
      items: stores.map((store) => ({
        id: store._id,
        name: store.name,
        address: store.address,
        phone: store.phone,
        openHours: store.openHours,
      })),
    };
  },
};

/** The `orders` cloud function's main. */
export const ordersMain = createWxHandler<'orders'>(ordersRequests, ordersRoutes);
