import type { CartCatalogue } from '~/core/catalog/cart-catalogue';
import { productIdOfSku } from '~/core/catalog/cart-catalogue';
import type { RequestContext } from '../runtime/wx';
import { catalogCollections, readStock } from './catalog-collections';

/**
 * The products and stock behind a list of SKU ids, in two reads made at once (products by
 * `_id in [...]`, stock by `_id in [...]`). Look a SKU up with `lookupSku` from
 * core/catalog/cart-catalogue. Stock read here is a snapshot for display and pricing; taking
 * stock is the orders' transaction.
 */
export async function loadCartProducts(ctx: RequestContext, skuIds: readonly string[]): Promise<CartCatalogue> {
  const productIds = [...new Set(skuIds.map(productIdOfSku).filter((id): id is string => id !== null))];
  if (productIds.length === 0) return { products: new Map(), stock: new Map() };
  const [products, stock] = await Promise.all([
    catalogCollections(ctx).products.find({ _id: ctx.db.command.in(productIds) }, { limit: productIds.length }),
    readStock(ctx, skuIds),
  ]);
  return { products: new Map(products.map((product) => [product._id, product])), stock };
}
