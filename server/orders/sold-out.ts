import { refreshSoldOut } from '../catalog/refresh-sold-out';
import type { RequestContext } from '../runtime/wx';
import { returnStock } from './stock';

const productsOf = (skuIds: readonly string[]) => [...new Set(skuIds.map((skuId) => skuId.replace(/:[0-9]+$/, '')))];

/** Updates the sold-out flag of the products whose SKUs a hold just emptied. */
export async function markSoldOut(ctx: RequestContext, emptiedSkuIds: readonly string[]): Promise<void> {
  await Promise.all(productsOf(emptiedSkuIds).map((productId) => refreshSoldOut(ctx, productId)));
}

/** Puts an order's stock back for some lines (or all), and clears the sold-out flag of products that have stock again. */
export async function restockLines(ctx: RequestContext, orderId: string, lineIds: readonly string[] | 'all'): Promise<void> {
  const refilled = await returnStock(ctx, orderId, lineIds);
  await Promise.all(productsOf(refilled).map((productId) => refreshSoldOut(ctx, productId)));
}
