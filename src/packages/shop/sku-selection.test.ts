import type { ProductSpec } from '~/types/catalog';
import type { SkuView } from '~/types/functions/catalog';
import { chosenSku, initialChoice, missingSpecs, toggleValue, valueAvailable } from './sku-selection';

const specs: ProductSpec[] = [
  { name: '颜色', values: ['白色', '黑色'] },
  { name: '尺码', values: ['M', 'XL'] },
];

const sku = (n: number, specValues: string[], stock: number): SkuView => ({
  skuId: `tee:${n}`,
  specValues,
  priceFen: 8_900,
  memberPriceFen: 8_900,
  nextTierPriceFen: 8_722,
  stock,
  pointsPerUnit: 89,
});

const skus = [sku(1, ['白色', 'M'], 5), sku(2, ['白色', 'XL'], 0), sku(3, ['黑色', 'M'], 2), sku(4, ['黑色', 'XL'], 0)];

test('nothing is chosen for a product with specs; its only SKU for a product without', () => {
  expect(initialChoice(specs, skus)).toEqual([null, null]);
  expect(initialChoice([], [sku(1, [], 3)])).toEqual([]);
  expect(chosenSku([sku(1, [], 3)], [])?.skuId).toBe('tee:1');
});

test('a SKU is chosen once every axis has a value', () => {
  const colour = toggleValue([null, null], 0, '黑色');
  expect(chosenSku(skus, colour)).toBeNull();
  expect(missingSpecs(specs, colour)).toEqual(['尺码']);
  expect(chosenSku(skus, toggleValue(colour, 1, 'M'))?.skuId).toBe('tee:3');
  expect(toggleValue(['黑色', 'M'], 1, 'M')).toEqual(['黑色', null]);
});

test('values that cannot lead to a SKU in stock are off', () => {
  expect(valueAvailable(skus, [null, null], 1, 'XL')).toBe(false);
  expect(valueAvailable(skus, [null, null], 1, 'M')).toBe(true);
  expect(valueAvailable(skus, ['白色', null], 1, 'M')).toBe(true);
  expect(valueAvailable(skus, [null, 'M'], 0, '黑色')).toBe(true);
});
