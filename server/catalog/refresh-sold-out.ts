import { isSoldOut } from '~/core/catalog/cart-catalogue';
import type { RequestContext } from '../runtime/wx';
import { catalogCollections, readStock } from './catalog-collections';

/** Rounds of read-and-write before giving up on a product whose stock keeps moving. */
const MAX_ROUNDS = 3;

/**
 * Recomputes a product's cached `soldOut` flag from its SKUs' stock documents, after any stock
 * change (orders taking or returning stock, an admin's stocktake). Answers the flag as set, or
 * null for an unknown product. Two refreshes can read stock at different moments and write in
 * the other order, so after writing it reads the stock again and writes once more if the
 * answer moved: the last refresh to finish leaves the flag matching the stock it saw last.
 */
export async function refreshSoldOut(ctx: RequestContext, productId: string): Promise<boolean | null> {
  const { products } = catalogCollections(ctx);
  const product = await products.get(productId);
  if (!product) return null;
  const skuIds = product.skus.map((sku) => sku.skuId);
  let flag = product.soldOut;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const soldOut = isSoldOut(product, await readStock(ctx, skuIds));
    if (soldOut === flag) return flag;
    await products.updateWhere({ _id: productId }, { soldOut });
    flag = soldOut;
  }
  return flag;
}
