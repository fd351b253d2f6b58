import { checkCartItems } from '~/core/catalog/check-cart';
import type { CatalogResponses } from '~/types/functions/catalog';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { loadCartProducts } from './load-cart-products';

/** Checks the caller's cart against the catalogue: current prices at their tier, stock and shelf state per line. */
export async function checkCart(
  ctx: RequestContext,
  items: readonly { skuId: string; quantity: number }[],
): Promise<CatalogResponses['checkCart']> {
  if (items.length === 0) return { items: [] };
  const [catalogue, { tier }] = await Promise.all([
    loadCartProducts(
      ctx,
      items.map((item) => item.skuId),
    ),
    loadCallerTier(ctx),
  ]);
  return { items: checkCartItems(items, catalogue, tier) };
}
