import type { CategoryDoc } from '~/types/catalog';
import type { RequestContext } from '../runtime/wx';
import { catalogCollections } from './catalog-collections';

/** Most categories the storefront and the admin page show. */
const MAX_CATEGORIES = 50;

/** Every category in display order, as the storefront home and the admin product form list them. */
export async function listCategories(ctx: RequestContext): Promise<CategoryDoc[]> {
  const docs = await catalogCollections(ctx).categories.find({}, { orderBy: [['sort', 'asc']], limit: MAX_CATEGORIES });
  return docs.map((category) => ({ _id: category._id, name: category.name, iconUrl: category.iconUrl, sort: category.sort }));
}
