import * as z from 'zod';
import { searchKeyword } from './search-keyword';
import type { CategoryDoc, ProductSpec } from '../catalog';
import type { EpochMs, Fen, Points } from '../units';

const productId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a product id from the catalogue');
/** A SKU id as the catalogue answers it: `<productId>:<n>`. */
export const skuId = z.string().regex(/^[A-Za-z0-9_-]{1,64}:[0-9]{1,4}$/, 'must be a SKU id from the catalogue');
/** One cart line as the client keeps it. */
export const cartItem = z.strictObject({ skuId, quantity: z.number().int().min(1).max(99) });
export const cartItems = z.array(cartItem).min(1, 'the cart is empty').max(50, 'at most 50 lines per order');

/** Request schemas of the `catalog` function, one per action. Anyone may browse; prices follow the caller's tier. */
export const catalogRequests = {
  home: z.strictObject({ action: z.literal('home') }),
  list: z.strictObject({
    action: z.literal('list'),
    categoryId: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/, 'must be a category id')
      .optional(),
    keyword: searchKeyword(30).min(1).optional(),
    sort: z.enum(['default', 'priceAsc', 'priceDesc', 'sales']).default('default'),
    pageSize: z.number().int().min(1).max(50).default(20),
    cursor: z.string().max(400).optional(),
  }),
  detail: z.strictObject({ action: z.literal('detail'), productId }),
  /** Checks a cart against the catalogue: current prices, stock and shelf state. */
  checkCart: z.strictObject({ action: z.literal('checkCart'), items: z.array(cartItem).max(50) }),
  /** 猜你喜欢: products bought together with the given ones, topped up with best sellers. */
  recommend: z.strictObject({
    action: z.literal('recommend'),
    productIds: z.array(productId).max(20).default([]),
    exclude: z.array(productId).max(50).default([]),
    limit: z.number().int().min(1).max(20).default(6),
  }),
  /** Members only: keeps a product in 我的收藏; favouriting it again changes nothing. */
  addFavourite: z.strictObject({ action: z.literal('addFavourite'), productId }),
  removeFavourite: z.strictObject({ action: z.literal('removeFavourite'), productId }),
  /** The caller's favourites, newest first, a page at a time. */
  favourites: z.strictObject({
    action: z.literal('favourites'),
    pageSize: z.number().int().min(1).max(50).default(20),
    cursor: z.string().max(400).optional(),
  }),
};

/** How many products a member may keep in 我的收藏. */
export const FAVOURITES_CAP = 200;

/** A product as lists show it. Prices are for the caller's tier. */
export interface ProductCard {
  id: string;
  title: string;
  subtitle: string;
  imageUrl: string;
  minPriceFen: Fen;
  /** The caller's price from (the lowest SKU at their tier's rate); equal to minPriceFen when the product opts out. */
  memberMinPriceFen: Fen;
  /** Whether the SKUs have different prices, so the list shows the lowest with 起. */
  priceVaries: boolean;
  soldOut: boolean;
  salesCount: number;
}

export interface SkuView {
  skuId: string;
  specValues: string[];
  priceFen: Fen;
  memberPriceFen: Fen;
  /** The price at the next tier up, when there is one and the product takes member prices. */
  nextTierPriceFen: Fen | null;
  stock: number;
  /** Points one unit earns at the caller's tier, before coupons and points. */
  pointsPerUnit: Points;
}

export interface ProductDetail extends ProductCard {
  images: string[];
  description: string;
  categoryId: string;
  specs: ProductSpec[];
  skus: SkuView[];
  memberPrice: boolean;
  onShelf: boolean;
  /** Whether the caller keeps the product in 我的收藏 (false for visitors). */
  favourited: boolean;
  /** The caller's tier (the entry tier for visitors who have not joined) and the next one. */
  tier: { id: string; name: string; memberPricePercent: number };
  nextTier: { id: string; name: string; memberPricePercent: number } | null;
}

export type CartItemState = 'ok' | 'priceChanged' | 'insufficientStock' | 'soldOut' | 'offShelf' | 'notFound';

/** What the cart is told besides its lines: the shop's shipping rule at the shopper's tier, and their goods coupons with a threshold. */
export interface CartTerms {
  shipping: { feeFen: Fen; freeThresholdFen: Fen | null };
  coupons: { title: string; thresholdFen: Fen }[];
}

export interface CartItemCheck {
  skuId: string;
  quantity: number;
  state: CartItemState;
  /** In Chinese, for the cart page; null when the line is fine. */
  message: string | null;
  productId: string | null;
  title: string;
  specText: string;
  imageUrl: string;
  priceFen: Fen;
  memberPriceFen: Fen;
  stock: number;
}

/** A product in 我的收藏: its card as lists show it, whether it is still on the shelf, and when it was kept. */
export interface FavouriteItem extends ProductCard {
  onShelf: boolean;
  favouritedAt: EpochMs;
}

export interface CatalogResponses {
  home: {
    banners: { id: string; imageUrl: string; title: string; productId: string | null }[];
    categories: CategoryDoc[];
    recommended: ProductCard[];
  };
  list: { items: ProductCard[]; nextCursor: string | null };
  detail: ProductDetail;
  /** The lines, plus the shipping rule at the caller's tier and their goods coupons' thresholds (see `CartTerms`). */
  checkCart: { items: CartItemCheck[] } & CartTerms;
  recommend: { items: ProductCard[] };
  addFavourite: { productId: string; favourited: true };
  removeFavourite: { productId: string; favourited: false };
  favourites: { items: FavouriteItem[]; nextCursor: string | null };
}
