import type { OrderDoc } from '~/types/orders';
import { refreshSoldOut } from '../catalog/refresh-sold-out';
import type { RequestContext } from '../runtime/wx';
import { releaseHeldStock, returnSoldStock } from './stock';

const productsOf = (skuIds: readonly string[]) => [...new Set(skuIds.map((skuId) => skuId.replace(/:[0-9]+$/, '')))];

/** Updates the sold-out flag of the products whose SKUs a hold just emptied. */
export async function markSoldOut(ctx: RequestContext, emptiedSkuIds: readonly string[]): Promise<void> {
  await Promise.all(productsOf(emptiedSkuIds).map((productId) => refreshSoldOut(ctx, productId)));
}

/** Gives back what an unpaid order holds, and clears the sold-out flag of products that have stock again. */
export async function releaseOrderStock(ctx: RequestContext, order: Pick<OrderDoc, '_id' | 'lines'>): Promise<void> {
  const released = await releaseHeldStock(ctx, order);
  await Promise.all(productsOf(released).map((productId) => refreshSoldOut(ctx, productId)));
}

/** Puts refunded lines' stock back, and clears the sold-out flag of products that have stock again. */
export async function restockRefundedLines(ctx: RequestContext, orderId: string, lineIds: readonly string[]): Promise<void> {
  const returned = await returnSoldStock(ctx, orderId, lineIds);
  await Promise.all(productsOf(returned).map((productId) => refreshSoldOut(ctx, productId)));
}
