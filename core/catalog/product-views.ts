import type { ProductDoc } from '~/types/catalog';
import type { ProductCard, ProductDetail } from '~/types/functions/catalog';
import { isSoldOut } from './cart-catalogue';
import type { PriceTier, TierPair } from './tier-prices';
import { nextTierUnitPrice, pointsPerUnit, tierUnitPrice } from './tier-prices';

const tierView = (tier: PriceTier) => ({ id: tier._id, name: tier.name, memberPricePercent: tier.memberPricePercent });

/** A product as lists show it, priced for the caller's tier. */
export function toProductCard(product: ProductDoc, tier: Pick<PriceTier, 'memberPricePercent'>): ProductCard {
  const tierPrices = product.skus.map((sku) => tierUnitPrice(sku.priceFen, product.memberPrice, tier));
  return {
    id: product._id,
    title: product.title,
    subtitle: product.subtitle,
    imageUrl: product.images[0] ?? '',
    minPriceFen: product.minPriceFen,
    memberMinPriceFen: tierPrices.length ? Math.min(...tierPrices) : tierUnitPrice(product.minPriceFen, product.memberPrice, tier),
    priceVaries: new Set(product.skus.map((sku) => sku.priceFen)).size > 1,
    soldOut: product.soldOut,
    salesCount: product.salesCount,
  };
}

/**
 * A product page: every SKU with the caller's price, the next tier's price, its stock and the
 * points one unit earns. Sold out is decided from the stock read here, not the cached flag.
 */
export function toProductDetail(
  product: ProductDoc,
  stock: ReadonlyMap<string, number>,
  pair: TierPair,
  earnPerYuan: number,
  favourited = false,
): ProductDetail {
  const skus = product.skus.map((sku) => {
    const memberPriceFen = tierUnitPrice(sku.priceFen, product.memberPrice, pair.tier);
    return {
      skuId: sku.skuId,
      specValues: [...sku.specValues],
      priceFen: sku.priceFen,
      memberPriceFen,
      nextTierPriceFen: nextTierUnitPrice(sku.priceFen, product.memberPrice, pair),
      stock: Math.max(0, stock.get(sku.skuId) ?? 0),
      pointsPerUnit: pointsPerUnit(memberPriceFen, earnPerYuan, pair.tier),
    };
  });
  return {
    ...toProductCard(product, pair.tier),
    soldOut: isSoldOut(product, stock),
    images: [...product.images],
    description: product.description,
    categoryId: product.categoryId,
    specs: product.specs.map((spec) => ({ name: spec.name, values: [...spec.values] })),
    skus,
    memberPrice: product.memberPrice,
    onShelf: product.status === 'onShelf',
    favourited,
    tier: tierView(pair.tier),
    nextTier: pair.nextTier ? tierView(pair.nextTier) : null,
  };
}
