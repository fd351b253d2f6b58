import { checkCartItems } from '~/core/catalog/check-cart';
import type { CartTerms, CatalogResponses } from '~/types/functions/catalog';
import { loadShopSettings } from '../orders/shop-settings';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { loadCartProducts } from './load-cart-products';

/** Goods coupons the cart may point to: a handful is plenty for the one nearest threshold. */
const COUPON_HINTS = 20;

/**
 * Checks the caller's cart against the catalogue: current prices at their tier, stock and shelf
 * state per line; with the shipping rule at their tier and their goods coupons' thresholds, so
 * the cart can say what a little more would unlock (凑单).
 */
export async function checkCart(
  ctx: RequestContext,
  items: readonly { skuId: string; quantity: number }[],
): Promise<CatalogResponses['checkCart']> {
  const [catalogue, caller, { tiers }, shop] = await Promise.all([
    items.length === 0
      ? Promise.resolve(null)
      : loadCartProducts(
          ctx,
          items.map((item) => item.skuId),
        ),
    loadCallerTier(ctx),
    loadProgramme(ctx),
    loadShopSettings(ctx),
  ]);
  const tierThreshold = tierOf(tiers, caller.tier._id).freeShippingThresholdFen;
  const thresholds = [shop.freeShippingThresholdFen, tierThreshold].filter((fen): fen is number => fen !== null);
  const terms: CartTerms = {
    shipping: { feeFen: shop.shippingFeeFen, freeThresholdFen: thresholds.length > 0 ? Math.min(...thresholds) : null },
    coupons: caller.memberId ? await goodsCouponThresholds(ctx, caller.memberId) : [],
  };
  return { items: catalogue ? checkCartItems(items, catalogue, caller.tier) : [], ...terms };
}

async function goodsCouponThresholds(ctx: RequestContext, memberId: string): Promise<CartTerms['coupons']> {
  const issued = await ctx.db
    .collection('coupon_instances')
    .find({ memberId, status: 'issued' }, { orderBy: [['validTo', 'asc']], limit: COUPON_HINTS });
  return issued
    .filter((coupon) => coupon.terms.kind !== 'shipping' && coupon.terms.thresholdFen > 0)
    .filter((coupon) => coupon.validFrom <= ctx.now && coupon.validTo >= ctx.now)
    .map((coupon) => ({ title: coupon.title, thresholdFen: coupon.terms.thresholdFen }));
}
