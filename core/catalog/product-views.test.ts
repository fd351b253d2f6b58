import type { ProductDoc } from '~/types/catalog';
import { productInput } from '~/types/functions/admin-catalog';
import { DEFAULT_TIERS } from '../tiers/default-programme';
import { buildProductDoc } from './product-rules';
import { toProductCard, toProductDetail } from './product-views';
import { tierPairOf } from './tier-prices';

const NOW = Date.UTC(2025, 9, 1, 2);

function beans(memberPrice = true): ProductDoc {
  const input = productInput.parse({
    productId: 'beans',
    title: '咖啡豆',
    categoryId: 'coffee-tea',
    images: ['/media/products/coffee-beans.svg', 'https://img.example.com/b.jpg'],
    specs: [{ name: '规格', values: ['250g', '500g'] }],
    skus: [
      { specValues: ['500g'], priceFen: 8_900 },
      { specValues: ['250g'], priceFen: 4_900 },
    ],
    memberPrice,
  });
  return { ...buildProductDoc(input, null, [], NOW), status: 'onShelf', salesCount: 7 };
}

describe('product views', () => {
  it('a card shows the list price from and the caller price from', () => {
    expect(toProductCard(beans(), { memberPricePercent: 95 })).toEqual({
      id: 'beans',
      title: '咖啡豆',
      subtitle: '',
      imageUrl: '/media/products/coffee-beans.svg',
      minPriceFen: 4_900,
      memberMinPriceFen: 4_655,
      priceVaries: true,
      soldOut: false,
      salesCount: 7,
    });
    expect(toProductCard(beans(false), { memberPricePercent: 95 }).memberMinPriceFen).toBe(4_900);
  });

  it('a silver member sees the silver price, the gold price next, stock and points per unit', () => {
    const detail = toProductDetail(beans(), new Map([['beans:1', 3]]), tierPairOf(DEFAULT_TIERS, 'silver'), 1);
    expect(detail.skus).toEqual([
      {
        skuId: 'beans:1',
        specValues: ['500g'],
        priceFen: 8_900,
        memberPriceFen: 8_722,
        nextTierPriceFen: 8_455,
        stock: 3,
        pointsPerUnit: 104,
      },
      {
        skuId: 'beans:2',
        specValues: ['250g'],
        priceFen: 4_900,
        memberPriceFen: 4_802,
        nextTierPriceFen: 4_655,
        stock: 0,
        pointsPerUnit: 57,
      },
    ]);
    expect(detail).toMatchObject({
      onShelf: true,
      soldOut: false,
      memberPrice: true,
      categoryId: 'coffee-tea',
      images: ['/media/products/coffee-beans.svg', 'https://img.example.com/b.jpg'],
      tier: { id: 'silver', name: '银卡会员', memberPricePercent: 98 },
      nextTier: { id: 'gold', name: '金卡会员', memberPricePercent: 95 },
    });
  });

  it('sold out comes from the stock read, and a product without member prices shows no next-tier price', () => {
    const detail = toProductDetail({ ...beans(false), status: 'offShelf' }, new Map(), tierPairOf(DEFAULT_TIERS, 'diamond'), 1);
    expect(detail).toMatchObject({ onShelf: false, soldOut: true, nextTier: null, memberMinPriceFen: 4_900 });
    expect(detail.skus.map((sku) => [sku.memberPriceFen, sku.nextTierPriceFen, sku.pointsPerUnit])).toEqual([
      [8_900, null, 178],
      [4_900, null, 98],
    ]);
  });
});
