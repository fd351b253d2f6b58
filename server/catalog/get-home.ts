import { toProductCard } from '~/core/catalog/product-views';
import type { CatalogResponses } from '~/types/functions/catalog';
import type { RequestContext } from '../runtime/wx';
import { loadCallerTier } from './caller-tier';
import { catalogCollections } from './catalog-collections';
import { listCategories } from './list-categories';

/** Most recommended products the home page shows. */
const RECOMMENDED = 10;

/** The storefront home: active banners, every category, and the recommended products on the shelf, priced for the caller. */
export async function getHome(ctx: RequestContext): Promise<CatalogResponses['home']> {
  const { banners, products } = catalogCollections(ctx);
  const [bannerDocs, categoryDocs, recommended, { tier }] = await Promise.all([
    banners.find({ active: true }, { orderBy: [['sort', 'asc']], limit: 10 }),
    listCategories(ctx),
    products.find({ status: 'onShelf', recommended: true }, { orderBy: [['sort', 'asc']], limit: RECOMMENDED }),
    loadCallerTier(ctx),
  ]);
  return {
    banners: bannerDocs.map((banner) => ({ id: banner._id, imageUrl: banner.imageUrl, title: banner.title, productId: banner.productId })),
    categories: categoryDocs,
    recommended: recommended.map((product) => toProductCard(product, tier)),
  };
}
