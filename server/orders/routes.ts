import { ordersRequests } from '~/types/functions/orders';
import type { OrderDoc } from '~/types/orders';
import { loadCaller } from '../members/get-profile';
import type { RequestContext, Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { showingCloudFiles } from '../storage/show-cloud-files';
import { cancelOrder } from './cancel-order';
import { buildCheckout, toPreview } from './checkout';
import { completeOrder } from './fulfil-order';
import { listOrders } from './list-orders';
import { loadOwnOrder } from './load-order';
import { toOrderView, toStoreView } from './order-views';
import { listOpenStores } from './list-open-stores';
import { placeOrder } from './place-order';
import { refundsOf, requestRefund } from './request-refund';
import { loadShopSettings } from './shop-settings';
import { startPayment } from './start-payment';
import { submitReturnShipment } from './submit-return-shipment';

/** The member's view of an order as it is now, with its refunds. */
async function viewOf(ctx: RequestContext, orderId: string, memberId: string) {
  const [order, refunds, shop] = await Promise.all([loadOwnOrder(ctx, memberId, orderId), refundsOf(ctx, orderId), loadShopSettings(ctx)]);
  return toOrderView(order, refunds, ctx.now, shop.refundDays);
}

/** The view of an order placeOrder answered as it now is; only a replayed one can have refunds to read. */
async function placedOrderView(ctx: RequestContext, order: OrderDoc) {
  const [refunds, shop] = await Promise.all([order.hasRefund ? refundsOf(ctx, order._id) : [], loadShopSettings(ctx)]);
  return toOrderView(order, refunds, ctx.now, shop.refundDays);
}

/** Makes a change to one of the caller's orders, then answers the order as it now is. */
async function thenView(ctx: RequestContext, orderId: string, change: (memberId: string) => Promise<unknown>) {
  const member = await loadCaller(ctx);
  await change(member._id);
  return viewOf(ctx, orderId, member._id);
}

/** Routes of the `orders` function: the caller is always the member acted on. */
export const ordersRoutes: Routes<'orders'> = {
  preview: async ({ action: _action, ...input }, ctx) => toPreview(await buildCheckout(ctx, await loadCaller(ctx), input)),
  place: async ({ action: _action, ...input }, ctx) => placedOrderView(ctx, await placeOrder(ctx, await loadCaller(ctx), input)),
  pay: async ({ orderId }, ctx) => startPayment(ctx, (await loadCaller(ctx))._id, orderId),
  cancel: ({ orderId, reason }, ctx) =>
    thenView(ctx, orderId, async (memberId) => cancelOrder(ctx, await loadOwnOrder(ctx, memberId, orderId), reason || '买家取消订单')),
  confirmReceipt: ({ orderId }, ctx) =>
    thenView(ctx, orderId, async (memberId) => completeOrder(ctx, await loadOwnOrder(ctx, memberId, orderId), 'received')),
  list: async ({ action: _action, ...input }, ctx) => listOrders(ctx, (await loadCaller(ctx))._id, input),
  detail: async ({ orderId }, ctx) => viewOf(ctx, orderId, (await loadCaller(ctx))._id),
  requestRefund: ({ action: _action, ...input }, ctx) => thenView(ctx, input.orderId, (memberId) => requestRefund(ctx, memberId, input)),
  submitReturnShipment: ({ action: _action, ...input }, ctx) =>
    thenView(ctx, input.orderId, (memberId) => submitReturnShipment(ctx, memberId, input)),
  stores: async (_input, ctx) => ({ items: (await listOpenStores(ctx)).map(toStoreView) }),
};

/** The `orders` cloud function's main. */
export const ordersMain = createWxHandler<'orders'>(ordersRequests, showingCloudFiles(ordersRoutes));
