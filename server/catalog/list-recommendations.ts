import { toProductCard } from '~/core/catalog/product-views';
import type { ProductDoc } from '~/types/catalog';
import type { ProductCard } from '~/types/functions/catalog';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { catalogCollections } from './catalog-collections';

/** How many partners of the given products are read, most bought together first: enough to fill a section after the unbuyable ones drop out. */
const PARTNERS_READ = 60;

const buyable = (product: ProductDoc) => product.status === 'onShelf' && !product.soldOut;

/**
 * 猜你喜欢: up to `limit` products on the shelf and in stock — first those most often bought
 * together with the given products (their co-purchase counts summed), then the best sellers —
 * never the given products themselves nor the excluded ones. A member who turned personalised
 * marketing off gets the best sellers only, the same list as everyone.
 */
export async function listRecommendations(
  ctx: RequestContext,
  input: { productIds?: readonly string[]; exclude?: readonly string[]; limit: number },
): Promise<ProductCard[]> {
  const productIds = [...new Set(input.productIds ?? [])];
  const skip = new Set([...productIds, ...(input.exclude ?? [])]);
  const _ = ctx.db.command;
  const { products } = catalogCollections(ctx);
  const { tier, personalised } = await loadCallerTier(ctx);
  const partners =
    productIds.length && personalised
      ? await ctx.db
          .collection('co_purchases')
          .find({ productId: _.in(productIds) }, { orderBy: [['count', 'desc']], limit: PARTNERS_READ })
      : [];
  const scores = new Map<string, number>();
  for (const pair of partners) if (!skip.has(pair.otherId)) scores.set(pair.otherId, (scores.get(pair.otherId) ?? 0) + pair.count);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);

  const chosen: ProductDoc[] = [];
  if (ranked.length) {
    const found = await products.find({ _id: _.in(ranked) }, { limit: ranked.length });
    const byId = new Map(found.map((product) => [product._id, product]));
    for (const id of ranked) {
      const product = byId.get(id);
      if (product && buyable(product) && chosen.length < input.limit) chosen.push(product);
    }
  }
  if (chosen.length < input.limit) {
    const taken = new Set([...skip, ...chosen.map((product) => product._id)]);
    const sellers = await products.find(
      { status: 'onShelf', soldOut: false },
      {
        orderBy: [
          ['salesCount', 'desc'],
          ['_id', 'asc'],
        ],
        limit: input.limit + taken.size,
      },
    );
    for (const product of sellers) if (!taken.has(product._id) && chosen.length < input.limit) chosen.push(product);
  }
  return chosen.map((product) => toProductCard(product, tier));
}
