import { DEFAULT_SHOP_SETTINGS } from '~/core/orders/default-shop';
import type { ShopSettings } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';

/** As for the programme: admin edits reach every instance within this time, and no request pays a read for them. */
const CACHE_MS = 30_000;

let cached: { at: number; shop: ShopSettings } | null = null;

/** The shop settings as stored (the defaults until an admin saves them). */
export async function loadShopSettings(ctx: RequestContext): Promise<ShopSettings> {
  if (cached && ctx.now - cached.at < CACHE_MS && ctx.now >= cached.at) return cached.shop;
  const stored = await ctx.db.collection('settings').get('shop');
  cached = { at: ctx.now, shop: { ...DEFAULT_SHOP_SETTINGS, ...stored } };
  return cached.shop;
}
