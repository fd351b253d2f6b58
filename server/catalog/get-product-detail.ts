import { toProductDetail } from '~/core/catalog/product-views';
import type { ProductDetail } from '~/types/functions/catalog';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { catalogCollections, readStock } from './catalog-collections';
import { favouriteId } from './favourite-id';
import { CodedError } from '~/core/coded-error';

/**
 * A product page priced for the caller, with each SKU's stock from one `_id in [...]` read and
 * whether the caller keeps it in 我的收藏. An off-shelf product still answers (onShelf: false)
 * so an old link or cart line can show it; an unknown one is NOT_FOUND.
 */
export async function getProductDetail(ctx: RequestContext, productId: string): Promise<ProductDetail> {
  const [product, pair] = await Promise.all([catalogCollections(ctx).products.get(productId), loadCallerTier(ctx)]);
  if (!product) throw new CodedError('NOT_FOUND', '商品不存在');
  const [stock, favourite] = await Promise.all([
    readStock(
      ctx,
      product.skus.map((sku) => sku.skuId),
    ),
    pair.memberId ? ctx.db.collection('favourites').get(favouriteId(pair.memberId, productId)) : Promise.resolve(null),
  ]);
  return toProductDetail(product, stock, pair, pair.earnPerYuan, favourite !== null);
}
