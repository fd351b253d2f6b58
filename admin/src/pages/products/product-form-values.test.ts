import { describe, expect, it } from '@jest/globals';
import { adminProduct, mooncake } from './product-fixtures';
import { combinations, comboKey, formFieldOf, formValuesOf, payloadOf, specsOf, splitServerMessage } from './product-form-values';
import type { ProductFormValues } from './product-form-values';

const newProduct = (overrides: Partial<ProductFormValues>): ProductFormValues => ({ ...formValuesOf(null), ...overrides });

describe('product form values', () => {
  it('makes every combination of the specs, first spec slowest, and one empty combination without specs', () => {
    const specs = specsOf([
      { name: '颜色', valuesText: '红、蓝' },
      { name: '尺码', valuesText: 'S, M，L' },
      { name: '还没填', valuesText: '' },
    ]);
    expect(combinations(specs)).toEqual([
      ['红', 'S'],
      ['红', 'M'],
      ['红', 'L'],
      ['蓝', 'S'],
      ['蓝', 'M'],
      ['蓝', 'L'],
    ]);
    expect(combinations([])).toEqual([[]]);
  });

  it('builds the saveProduct payload: trimmed text, one image a line, keywords, prices in fen from yuan, sold combinations only', () => {
    const payload = payloadOf(
      newProduct({
        productId: ' mug-set ',
        title: ' 陶瓷马克杯 ',
        subtitle: '手工上釉',
        categoryId: 'home',
        images: ['cloud://local.local-storage/catalog/products/mug.png', 'https://img.example.com/mug-2.png'],
        description: '  350ml  ',
        keywordsText: '杯子, 陶瓷  礼物',
        specs: [{ name: '颜色', valuesText: '白、黑、绿' }],
        grid: {
          [comboKey(['白'])]: { price: '39.9', stock: 10 },
          [comboKey(['黑'])]: { price: '¥0.29', stock: null },
          [comboKey(['绿'])]: { enabled: false, price: '1' },
        },
        sort: 5,
      }),
      'create',
    );
    expect(payload).toEqual({
      mode: 'create',
      productId: 'mug-set',
      title: '陶瓷马克杯',
      subtitle: '手工上釉',
      categoryId: 'home',
      images: ['cloud://local.local-storage/catalog/products/mug.png', 'https://img.example.com/mug-2.png'],
      description: '350ml',
      specs: [{ name: '颜色', values: ['白', '黑', '绿'] }],
      skus: [
        { specValues: ['白'], priceFen: 3_990, initialStock: 10 },
        { specValues: ['黑'], priceFen: 29, initialStock: 0 },
      ],
      memberPrice: true,
      recommended: false,
      sort: 5,
      keywords: ['杯子', '陶瓷', '礼物'],
    });
  });

  it('reads a product back into the form so that saving it unchanged sends what it is, stock as it stands', () => {
    const product = adminProduct();
    const values = formValuesOf(product);
    expect(values.grid).toEqual({
      [comboKey(['250g'])]: { enabled: true, price: '68.00', stock: 30 },
      [comboKey(['500g'])]: { enabled: true, price: '128.50', stock: 0 },
    });
    expect(payloadOf(values, 'update')).toEqual({
      mode: 'update',
      productId: 'coffee-beans',
      title: product.title,
      subtitle: product.subtitle,
      categoryId: 'coffee-tea',
      images: product.images,
      description: product.description,
      specs: product.specs,
      skus: [
        { specValues: ['250g'], priceFen: 6_800, initialStock: 30 },
        { specValues: ['500g'], priceFen: 12_850, initialStock: 0 },
      ],
      memberPrice: true,
      recommended: true,
      sort: 10,
      keywords: ['咖啡', '豆子'],
    });
    expect(payloadOf(formValuesOf(mooncake), 'update').skus).toEqual([{ specValues: [], priceFen: 9_900, initialStock: 0 }]);
  });

  it('keeps a combination the product does not sell switched off', () => {
    const product = adminProduct({
      specs: [
        { name: '颜色', values: ['红', '蓝'] },
        { name: '尺码', values: ['S', 'M'] },
      ],
      skus: [
        { skuId: 'coffee-beans:1', specValues: ['红', 'S'], priceFen: 100 },
        { skuId: 'coffee-beans:3', specValues: ['蓝', 'M'], priceFen: 200 },
      ],
      stockBySku: { 'coffee-beans:1': 1, 'coffee-beans:3': 2 },
    });
    const values = formValuesOf(product);
    expect(values.grid[comboKey(['红', 'M'])]).toEqual({ enabled: false });
    expect(payloadOf(values, 'update').skus.map((sku) => sku.specValues)).toEqual([
      ['红', 'S'],
      ['蓝', 'M'],
    ]);
  });

  it('finds the form field a server message names', () => {
    const sold = [['白'], ['黑']];
    expect(splitServerMessage('skus.1.priceFen: must be at least 1 fen')).toEqual({
      field: 'skus.1.priceFen',
      text: 'must be at least 1 fen',
    });
    expect(splitServerMessage('a different product x already exists')).toBeNull();
    expect(formFieldOf('skus.1.priceFen', sold)).toEqual(['grid', comboKey(['黑']), 'price']);
    expect(formFieldOf('skus.0.initialStock', sold)).toEqual(['grid', comboKey(['白']), 'stock']);
    expect(formFieldOf('skus.0.specValues.0', sold)).toEqual(['grid', comboKey(['白']), 'price']);
    expect(formFieldOf('skus.5.priceFen', sold)).toBeNull();
    expect(formFieldOf('skus', sold)).toBeNull();
    expect(formFieldOf('images.2', sold)).toBe('images');
    expect(formFieldOf('keywords', sold)).toBe('keywordsText');
    expect(formFieldOf('specs.1.values.0', sold)).toEqual(['specs', 1, 'valuesText']);
    expect(formFieldOf('specs.0.name', sold)).toEqual(['specs', 0, 'name']);
    expect(formFieldOf('specs', sold)).toBeNull();
    expect(formFieldOf('categoryId', sold)).toBe('categoryId');
    expect(formFieldOf('(request)', sold)).toBeNull();
  });
});
