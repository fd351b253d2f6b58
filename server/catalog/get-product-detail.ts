import { toProductDetail } from '~/core/catalog/product-views';
import type { ProductDetail } from '~/types/functions/catalog';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { catalogCollections, readStock } from './catalog-collections';
import { CodedError } from '~/core/coded-error';

/**
 * A product page priced for the caller, with each SKU's stock from one `_id in [...]` read.
 * An off-shelf product still answers (onShelf: false) so an old link or cart line can show
 * it; an unknown one is NOT_FOUND.
 */
export async function getProductDetail(ctx: RequestContext, productId: string): Promise<ProductDetail> {
  const [product, pair] = await Promise.all([catalogCollections(ctx).products.get(productId), loadCallerTier(ctx)]);
  if (!product) throw new CodedError('NOT_FOUND', '商品不存在');
  const stock = await readStock(
    ctx,
    product.skus.map((sku) => sku.skuId),
  );
  return toProductDetail(product, stock, pair, pair.earnPerYuan);
}
