import type { CartItemCheck, CartItemState } from '~/types/functions/catalog';
import type { CartCatalogue } from './cart-catalogue';
import { lookupSku } from './cart-catalogue';
import { specText } from './spec-text';
import type { PriceTier } from './tier-prices';
import { tierUnitPrice } from './tier-prices';

/** What the cart page says for each state but `ok`. */
const MESSAGES: Record<Exclude<CartItemState, 'ok' | 'priceChanged'>, (stock: number) => string> = {
  notFound: () => '商品已不存在',
  offShelf: () => '商品已下架',
  soldOut: () => '已售罄',
  insufficientStock: (stock) => `库存不足，仅剩${stock}件`,
};

/**
 * Checks cart lines against the catalogue, in order of what matters most: the product or SKU
 * is gone (notFound), taken off the shelf (offShelf), out of stock (soldOut), or has fewer
 * units than the cart wants of that SKU over all its lines (insufficientStock). Prices are the
 * current ones at the caller's tier; the request carries no price, so `priceChanged` is for the
 * client to set when these differ from what it showed.
 */
export function checkCartItems(
  items: readonly { skuId: string; quantity: number }[],
  catalogue: CartCatalogue,
  tier: Pick<PriceTier, 'memberPricePercent'>,
): CartItemCheck[] {
  const wanted = new Map<string, number>();
  for (const item of items) wanted.set(item.skuId, (wanted.get(item.skuId) ?? 0) + item.quantity);

  return items.map((item): CartItemCheck => {
    const found = lookupSku(catalogue, item.skuId);
    if (!found.found) {
      const product = found.reason === 'missingSku' ? found.product : null;
      return {
        skuId: item.skuId,
        quantity: item.quantity,
        state: 'notFound',
        message: found.reason === 'missingSku' ? '该规格已不存在' : MESSAGES.notFound(0),
        productId: product?._id ?? null,
        title: product?.title ?? '',
        specText: '',
        imageUrl: product?.images[0] ?? '',
        priceFen: 0,
        memberPriceFen: 0,
        stock: 0,
      };
    }
    const { product, sku, stock } = found.item;
    const problem =
      product.status !== 'onShelf'
        ? 'offShelf'
        : stock <= 0
          ? 'soldOut'
          : stock < (wanted.get(item.skuId) ?? item.quantity)
            ? 'insufficientStock'
            : null;
    return {
      skuId: item.skuId,
      quantity: item.quantity,
      state: problem ?? 'ok',
      message: problem ? MESSAGES[problem](stock) : null,
      productId: product._id,
      title: product.title,
      specText: specText(product.specs, sku.specValues),
      imageUrl: product.images[0] ?? '',
      priceFen: sku.priceFen,
      memberPriceFen: tierUnitPrice(sku.priceFen, product.memberPrice, tier),
      stock,
    };
  });
}
