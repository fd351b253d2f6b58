import type { ProductInput } from '~/types/functions/admin-catalog';
import { productInput } from '~/types/functions/admin-catalog';
import { assignSkuIds, buildProductDoc, productProblems, sameProduct } from './product-rules';

const NOW = Date.UTC(2025, 9, 1, 2);

const teeInput = (fields: Partial<Record<keyof ProductInput, unknown>> = {}): ProductInput =>
  productInput.parse({
    productId: 'tee',
    title: '重磅纯棉T恤',
    subtitle: '260g',
    categoryId: 'apparel',
    images: ['/media/products/cotton-tee.svg'],
    specs: [
      { name: '颜色', values: ['白', '黑'] },
      { name: '尺码', values: ['M', 'L'] },
    ],
    skus: [
      { specValues: ['白', 'M'], priceFen: 8_900, initialStock: 5 },
      { specValues: ['黑', 'L'], priceFen: 9_900 },
    ],
    keywords: ['短袖'],
    ...fields,
  });

describe('product rules', () => {
  it('accepts consistent specs and SKUs', () => {
    expect(productProblems(teeInput())).toEqual([]);
    expect(productProblems(teeInput({ specs: [], skus: [{ specValues: [], priceFen: 1 }] }))).toEqual([]);
  });

  it('names each inconsistency between specs and SKUs', () => {
    const fields = (input: ProductInput) => productProblems(input).map((p) => p.field);
    expect(fields(teeInput({ skus: [{ specValues: ['白'], priceFen: 100 }] }))).toEqual(['skus.0.specValues']);
    expect(fields(teeInput({ skus: [{ specValues: ['红', 'M'], priceFen: 100 }] }))).toEqual(['skus.0.specValues.0']);
    expect(
      fields(
        teeInput({
          skus: [
            { specValues: ['白', 'M'], priceFen: 100 },
            { specValues: ['白', 'M'], priceFen: 200 },
          ],
        }),
      ),
    ).toEqual(['skus.1.specValues']);
    expect(
      fields(
        teeInput({
          specs: [
            { name: '颜色', values: ['白', '白'] },
            { name: '颜色', values: ['M'] },
          ],
        }),
      ),
    ).toEqual(expect.arrayContaining(['specs.0.values', 'specs.1.name']));
    expect(
      fields(
        teeInput({
          specs: [],
          skus: [
            { specValues: [], priceFen: 1 },
            { specValues: [], priceFen: 2 },
          ],
        }),
      ),
    ).toContain('skus');
  });

  it('the schema refuses a product without SKUs and prices under one fen', () => {
    expect(() => teeInput({ skus: [] })).toThrow();
    expect(() => teeInput({ skus: [{ specValues: ['白', 'M'], priceFen: 0 }] })).toThrow();
    expect(() => teeInput({ skus: [{ specValues: ['白', 'M'], priceFen: 12.5 }] })).toThrow();
  });

  it('builds a new product off the shelf with numbered SKUs, its lowest price and search text', () => {
    const doc = buildProductDoc(teeInput(), null, [], NOW);
    expect(doc).toMatchObject({
      _id: 'tee',
      status: 'offShelf',
      soldOut: false,
      salesCount: 0,
      minPriceFen: 8_900,
      searchText: '重磅纯棉t恤 260g 短袖',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(doc.skus.map((sku) => sku.skuId)).toEqual(['tee:1', 'tee:2']);
  });

  it('an edit keeps the ids of kept combinations and never reuses a retired one', () => {
    const first = buildProductDoc(teeInput(), null, [], NOW);
    const edited = teeInput({
      skus: [
        { specValues: ['黑', 'L'], priceFen: 9_500 },
        { specValues: ['白', 'L'], priceFen: 8_900 },
      ],
    });
    // tee:3 was used by a combination since removed; its stock document is still there.
    const second = buildProductDoc(edited, { ...first, status: 'onShelf', salesCount: 12 }, ['tee:1', 'tee:2', 'tee:3'], NOW + 1);
    expect(second.skus).toEqual([
      { skuId: 'tee:2', specValues: ['黑', 'L'], priceFen: 9_500 },
      { skuId: 'tee:4', specValues: ['白', 'L'], priceFen: 8_900 },
    ]);
    expect(second).toMatchObject({ status: 'onShelf', salesCount: 12, createdAt: NOW, updatedAt: NOW + 1, minPriceFen: 8_900 });
    expect(assignSkuIds('tee', [{ specValues: ['白', 'M'], priceFen: 1 }], [], ['other:9'])).toEqual([
      { skuId: 'tee:1', specValues: ['白', 'M'], priceFen: 1 },
    ]);
  });

  it('tells a retried create from a different product', () => {
    const a = buildProductDoc(teeInput(), null, [], NOW);
    expect(sameProduct(a, buildProductDoc(teeInput(), null, [], NOW + 5_000))).toBe(true);
    expect(sameProduct(a, buildProductDoc(teeInput({ title: '另一件T恤' }), null, [], NOW))).toBe(false);
  });
});
