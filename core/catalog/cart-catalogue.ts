import type { ProductDoc, ProductSku } from '~/types/catalog';

/** Products and SKU stock read for a cart or an order: what a list of SKU ids refers to. */
export interface CartCatalogue {
  /** By product id; products that do not exist are absent. */
  products: Map<string, ProductDoc>;
  /** By SKU id; a SKU without a stock document is absent (and has no stock). */
  stock: Map<string, number>;
}

/** One SKU with its product and current stock. */
export interface CatalogueSku {
  product: ProductDoc;
  sku: ProductSku;
  stock: number;
}

/** The product id inside a SKU id (`<productId>:<n>`), or null when the text is not a SKU id. */
export function productIdOfSku(skuId: string): string | null {
  const match = /^(.+):[0-9]+$/.exec(skuId);
  return match ? (match[1] as string) : null;
}

/**
 * What a SKU id refers to: `missingProduct` when its product is gone, `missingSku` when the
 * product no longer sells that combination, else the SKU with its stock.
 */
export function lookupSku(
  catalogue: CartCatalogue,
  skuId: string,
):
  | { found: true; item: CatalogueSku }
  | { found: false; reason: 'missingProduct' }
  | { found: false; reason: 'missingSku'; product: ProductDoc } {
  const productId = productIdOfSku(skuId);
  const product = productId === null ? undefined : catalogue.products.get(productId);
  if (!product) return { found: false, reason: 'missingProduct' };
  const sku = product.skus.find((s) => s.skuId === skuId);
  if (!sku) return { found: false, reason: 'missingSku', product };
  return { found: true, item: { product, sku, stock: Math.max(0, catalogue.stock.get(skuId) ?? 0) } };
}

/** Whether every SKU of a product is out of stock, by its stock documents (a SKU without one has none). */
export function isSoldOut(product: Pick<ProductDoc, 'skus'>, stock: ReadonlyMap<string, number>): boolean {
  return product.skus.every((sku) => (stock.get(sku.skuId) ?? 0) <= 0);
}
