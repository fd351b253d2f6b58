import { productIdOfSku } from '~/core/catalog/cart-catalogue';
import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import type { RequestContext } from '../runtime/wx';
import { catalogCollections } from './catalog-collections';
import { refreshSoldOut } from './refresh-sold-out';
import { CodedError } from '~/core/coded-error';

/**
 * An admin's stocktake: sets one SKU's stock to an absolute number (so a retry sets the same),
 * then recomputes the product's sold-out flag. The SKU must be one the product sells.
 */
export async function setStock(ctx: RequestContext, input: { skuId: string; stock: number }): Promise<AdminCatalogResponses['setStock']> {
  const { products, stock } = catalogCollections(ctx);
  const productId = productIdOfSku(input.skuId);
  const product = productId === null ? null : await products.get(productId);
  if (!product || !product.skus.some((sku) => sku.skuId === input.skuId)) throw new CodedError('NOT_FOUND', `no SKU ${input.skuId}`);
  const change = { stock: input.stock, updatedAt: ctx.now };
  const current = await stock.get(input.skuId);
  if (current) await stock.updateWhere({ _id: input.skuId }, change);
  else if (!(await stock.insert({ _id: input.skuId, productId: product._id, ...change })))
    await stock.updateWhere({ _id: input.skuId }, change);
  const soldOut = await refreshSoldOut(ctx, product._id);
  return { skuId: input.skuId, productId: product._id, stock: input.stock, soldOut: soldOut ?? product.soldOut };
}
