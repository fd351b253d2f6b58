import { toProductCard } from '~/core/catalog/product-views';
import type { BannerDoc } from '~/types/catalog';
import type { CatalogResponses } from '~/types/functions/catalog';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { catalogCollections } from './catalog-collections';
import { listCategories } from './list-categories';

/** Most recommended products the home page shows. */
const RECOMMENDED = 10;

/** Most banners the home carousel shows; twice as many active ones are read, as some may be outside their time window. */
const BANNERS = 10;

/** Whether an active banner's time window holds `now` (an open bound holds any time). */
const inWindow = (banner: BannerDoc, now: number) => (banner.startsAt ?? 0) <= now && (banner.endsAt == null || now < banner.endsAt);

/** The storefront home: active banners inside their time window, every category, and the recommended products on the shelf, priced for the caller. */
export async function getHome(ctx: RequestContext): Promise<CatalogResponses['home']> {
  const { banners, products } = catalogCollections(ctx);
  const [bannerDocs, categoryDocs, recommended, { tier }] = await Promise.all([
    banners.find({ active: true }, { orderBy: [['sort', 'asc']], limit: BANNERS * 2 }),
    listCategories(ctx),
    products.find({ status: 'onShelf', recommended: true }, { orderBy: [['sort', 'asc']], limit: RECOMMENDED }),
    loadCallerTier(ctx),
  ]);
  return {
    banners: bannerDocs
      .filter((banner) => inWindow(banner, ctx.now))
      .slice(0, BANNERS)
      .map((banner) => ({ id: banner._id, imageUrl: banner.imageUrl, title: banner.title, productId: banner.productId })),
    categories: categoryDocs,
    recommended: recommended.map((product) => toProductCard(product, tier)),
  };
}
