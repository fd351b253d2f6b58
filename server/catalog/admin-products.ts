import type { ProductDoc } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import type { RequestContext } from '../runtime/wx';
import { readStock } from './catalog-collections';

/** Products with the stock of each SKU, read in one query for all of them. */
export async function withStock(ctx: RequestContext, products: readonly ProductDoc[]): Promise<AdminProduct[]> {
  const stock = await readStock(
    ctx,
    products.flatMap((product) => product.skus.map((sku) => sku.skuId)),
  );
  return products.map((product) => ({
    ...product,
    stockBySku: Object.fromEntries(product.skus.map((sku) => [sku.skuId, stock.get(sku.skuId) ?? 0])),
  }));
}
