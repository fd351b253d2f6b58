import type { ProductDoc } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import type { RequestContext } from '../runtime/wx';
import { tempFileUrls } from '../storage/cloud-files';
import { readStock } from './catalog-collections';

/** Products with the stock of each SKU, read in one query for all of them, and temporary URLs to show their cloud pictures at. */
export async function withStock(ctx: RequestContext, products: readonly ProductDoc[]): Promise<AdminProduct[]> {
  const [stock, urls] = await Promise.all([
    readStock(
      ctx,
      products.flatMap((product) => product.skus.map((sku) => sku.skuId)),
    ),
    tempFileUrls(products.flatMap((product) => product.images)),
  ]);
  return products.map((product) => ({
    ...product,
    stockBySku: Object.fromEntries(product.skus.map((sku) => [sku.skuId, stock.get(sku.skuId) ?? 0])),
    displayUrls: Object.fromEntries(product.images.flatMap((id) => (urls.has(id) ? [[id, urls.get(id) as string]] : []))),
  }));
}
