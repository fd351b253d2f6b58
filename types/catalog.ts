import type { EpochMs, Fen } from './units';

/** `categories` collection. `_id` is a short slug. */
export interface CategoryDoc {
  _id: string;
  name: string;
  iconUrl: string;
  sort: number;
  /** Kept for its products but left out of the storefront's category lists. */
  hidden?: boolean;
}

/** One spec axis of a product, e.g. 颜色: 红, 蓝. */
export interface ProductSpec {
  name: string;
  values: string[];
}

/** One sellable combination of spec values. `skuId` is `<productId>:<n>`; its stock lives in `sku_stock`. */
export interface ProductSku {
  skuId: string;
  /** One value per spec axis, in the order of `specs`. */
  specValues: string[];
  priceFen: Fen;
}

/**
 * `products` collection. Prices are list prices in fen; the member price comes from the tier
 * rate unless `memberPrice` is false. `searchText` is the lower-cased title, subtitle and
 * keywords that keyword search matches.
 */
export interface ProductDoc {
  _id: string;
  title: string;
  subtitle: string;
  categoryId: string;
  images: string[];
  description: string;
  specs: ProductSpec[];
  skus: ProductSku[];
  /** Lowest SKU price, for lists and sorting. */
  minPriceFen: Fen;
  memberPrice: boolean;
  status: 'onShelf' | 'offShelf';
  /** Whether every SKU is out of stock; kept by stock changes so lists need not read stock. */
  soldOut: boolean;
  recommended: boolean;
  sort: number;
  /** Extra words keyword search finds the product by (already part of `searchText`). */
  keywords?: string[];
  searchText: string;
  salesCount: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** `sku_stock` collection: one document per SKU, `_id` = skuId, changed only by guarded updates or transactions. */
export interface SkuStockDoc {
  _id: string;
  productId: string;
  stock: number;
  /**
   * Units held by unpaid orders, by order id: taken from `stock` in the same guarded update that
   * writes the entry, so a retried hold or release finds its own entry and never counts twice.
   * An entry goes when its order is paid (the units are sold) or gives them back.
   */
  holds?: Record<string, number>;
  updatedAt: EpochMs;
}

/** `banners` collection: the storefront's home carousel, in `sort` order. */
export interface BannerDoc {
  _id: string;
  title: string;
  imageUrl: string;
  /** The product a tap opens, if any. */
  productId: string | null;
  active: boolean;
  sort: number;
  /** When an active banner starts and stops showing; null for no bound. */
  startsAt?: EpochMs | null;
  endsAt?: EpochMs | null;
}

/**
 * `favourites` collection: a product a member keeps for later. `_id` is `<memberId>:<productId>`,
 * so favouriting twice is a no-op; listed by member, newest first.
 */
export interface FavouriteDoc {
  _id: string;
  memberId: string;
  productId: string;
  createdAt: EpochMs;
}

/**
 * `co_purchases` collection: how many paid orders held both products. `_id` is
 * `<productId>:<otherId>`, one document per direction, so a product's partners read in one
 * query ordered by `count`.
 */
export interface CoPurchaseDoc {
  _id: string;
  productId: string;
  otherId: string;
  count: number;
  updatedAt: EpochMs;
}
