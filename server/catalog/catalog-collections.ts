import type { RequestContext } from '../runtime/wx';

/** The catalogue's collections. */
export function catalogCollections(ctx: RequestContext) {
  return {
    categories: ctx.db.collection('categories'),
    products: ctx.db.collection('products'),
    stock: ctx.db.collection('sku_stock'),
    banners: ctx.db.collection('banners'),
    stores: ctx.db.collection('stores'),
  };
}

/** Stock by SKU id for the given SKUs, in one `_id in [...]` read; SKUs without a stock document are absent. */
export async function readStock(ctx: RequestContext, skuIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return new Map();
  const docs = await catalogCollections(ctx).stock.find({ _id: ctx.db.command.in(ids) }, { limit: ids.length });
  return new Map(docs.map((doc) => [doc._id, doc.stock]));
}
