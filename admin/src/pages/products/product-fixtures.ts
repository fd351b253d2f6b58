import type { AdminProduct } from '~/types/functions/admin-catalog';

/** 10:00 on 2025-03-01 in Asia/Shanghai. */
export const EDITED_AT = Date.UTC(2025, 2, 1, 2, 0);

/** A product as listProducts answers it; two sizes of coffee beans unless overridden. */
export function adminProduct(overrides: Partial<AdminProduct> = {}): AdminProduct {
  return {
    _id: 'coffee-beans',
    title: '云南小粒咖啡豆',
    subtitle: '中度烘焙 · 坚果可可风味',
    categoryId: 'coffee-tea',
    images: ['/media/products/coffee-beans.svg'],
    description: '保山产区阿拉比卡。',
    specs: [{ name: '重量', values: ['250g', '500g'] }],
    skus: [
      { skuId: 'coffee-beans:1', specValues: ['250g'], priceFen: 6_800 },
      { skuId: 'coffee-beans:2', specValues: ['500g'], priceFen: 12_850 },
    ],
    minPriceFen: 6_800,
    memberPrice: true,
    status: 'onShelf',
    soldOut: false,
    recommended: true,
    sort: 10,
    keywords: ['咖啡', '豆子'],
    searchText: '云南小粒咖啡豆 中度烘焙 · 坚果可可风味 咖啡 豆子',
    salesCount: 120,
    createdAt: EDITED_AT,
    updatedAt: EDITED_AT,
    stockBySku: { 'coffee-beans:1': 30, 'coffee-beans:2': 0 },
    ...overrides,
  };
}

/** A product without specs, off the shelf and sold out. */
export const mooncake = adminProduct({
  _id: 'custard-mooncake',
  title: '流心奶黄月饼',
  subtitle: '',
  categoryId: 'snacks',
  images: ['cloud://env-1/products/mooncake.png'],
  specs: [],
  skus: [{ skuId: 'custard-mooncake:1', specValues: [], priceFen: 9_900 }],
  minPriceFen: 9_900,
  status: 'offShelf',
  soldOut: true,
  recommended: false,
  keywords: [],
  stockBySku: { 'custard-mooncake:1': 0 },
});
