import type { CategoryDoc } from '~/types/catalog';
import type { RequestContext } from '../runtime/wx';
import { catalogCollections } from './catalog-collections';

/** Most categories the storefront shows. */
const MAX_CATEGORIES = 50;

/** Every category shoppers see (not hidden), in display order, as the storefront lists them. */
export async function listCategories(ctx: RequestContext): Promise<CategoryDoc[]> {
  const docs = await catalogCollections(ctx).categories.find({}, { orderBy: [['sort', 'asc']], limit: MAX_CATEGORIES });
  return docs
    .filter((category) => category.hidden !== true)
    .map((category) => ({ _id: category._id, name: category.name, iconUrl: category.iconUrl, sort: category.sort }));
}
