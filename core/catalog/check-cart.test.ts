import type { ProductDoc } from '~/types/catalog';
import { productInput } from '~/types/functions/admin-catalog';
import type { CartCatalogue } from './cart-catalogue';
import { isSoldOut, lookupSku, productIdOfSku } from './cart-catalogue';
import { checkCartItems } from './check-cart';
import { buildProductDoc } from './product-rules';

const NOW = Date.UTC(2025, 9, 1, 2);

function product(id: string, fields: Partial<ProductDoc> = {}, memberPrice = true): ProductDoc {
  const input = productInput.parse({
    productId: id,
    title: `商品${id}`,
    categoryId: 'home',
    images: [`/media/products/${id}.svg`],
    specs: [{ name: '颜色', values: ['红', '蓝'] }],
    skus: [
      { specValues: ['红'], priceFen: 10_000 },
      { specValues: ['蓝'], priceFen: 12_000 },
    ],
    memberPrice,
  });
  return { ...buildProductDoc(input, null, [], NOW), status: 'onShelf', ...fields };
}

function catalogue(products: ProductDoc[], stock: Record<string, number>): CartCatalogue {
  return { products: new Map(products.map((p) => [p._id, p])), stock: new Map(Object.entries(stock)) };
}

const gold = { memberPricePercent: 95 };

describe('cart check', () => {
  const shelf = catalogue([product('mug'), product('old', { status: 'offShelf' }), product('deal', {}, false)], {
    'mug:1': 5,
    'mug:2': 0,
    'old:1': 9,
    'deal:1': 3,
  });

  it('answers each line its state, current prices at the tier, spec text and a Chinese message', () => {
    const checks = checkCartItems(
      [
        { skuId: 'mug:1', quantity: 2 },
        { skuId: 'mug:2', quantity: 1 },
        { skuId: 'old:1', quantity: 1 },
        { skuId: 'deal:1', quantity: 4 },
        { skuId: 'gone:1', quantity: 1 },
        { skuId: 'mug:7', quantity: 1 },
      ],
      shelf,
      gold,
    );
    expect(checks.map((c) => [c.skuId, c.state, c.message])).toEqual([
      ['mug:1', 'ok', null],
      ['mug:2', 'soldOut', '已售罄'],
      ['old:1', 'offShelf', '商品已下架'],
      ['deal:1', 'insufficientStock', '库存不足，仅剩3件'],
      ['gone:1', 'notFound', '商品已不存在'],
      ['mug:7', 'notFound', '该规格已不存在'],
    ]);
    expect(checks[0]).toEqual({
      skuId: 'mug:1',
      quantity: 2,
      state: 'ok',
      message: null,
      productId: 'mug',
      title: '商品mug',
      specText: '颜色:红',
      imageUrl: '/media/products/mug.svg',
      priceFen: 10_000,
      memberPriceFen: 9_500,
      stock: 5,
    });
    expect(checks[3]).toMatchObject({ priceFen: 10_000, memberPriceFen: 10_000 });
    expect(checks[4]).toMatchObject({ productId: null, title: '', priceFen: 0, stock: 0 });
    expect(checks[5]).toMatchObject({ productId: 'mug', title: '商品mug' });
  });

  it('judges stock against what all lines of one SKU want together', () => {
    const checks = checkCartItems(
      [
        { skuId: 'mug:1', quantity: 3 },
        { skuId: 'mug:1', quantity: 3 },
      ],
      shelf,
      gold,
    );
    expect(checks.map((c) => c.state)).toEqual(['insufficientStock', 'insufficientStock']);
  });

  it('an off-shelf product is offShelf before it is sold out; a SKU without stock document has none', () => {
    const cat = catalogue([product('old', { status: 'offShelf' }), product('new')], {});
    expect(checkCartItems([{ skuId: 'old:1', quantity: 1 }], cat, gold)[0]?.state).toBe('offShelf');
    expect(checkCartItems([{ skuId: 'new:1', quantity: 1 }], cat, gold)[0]).toMatchObject({ state: 'soldOut', stock: 0 });
  });

  it('reads SKU ids and sold-out state', () => {
    expect(productIdOfSku('coffee-beans:12')).toBe('coffee-beans');
    expect(productIdOfSku('coffee-beans')).toBeNull();
    expect(lookupSku(shelf, 'mug:2')).toMatchObject({ found: true, item: { stock: 0, sku: { specValues: ['蓝'] } } });
    expect(isSoldOut(product('mug'), new Map([['mug:2', 1]]))).toBe(false);
    expect(isSoldOut(product('mug'), new Map([['mug:1', 0]]))).toBe(true);
  });
});
