import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import type { RequestContext } from '../runtime/wx';
import { tempFileUrls } from '../storage/cloud-files';
import { catalogCollections } from './catalog-collections';

/** Most categories and banners the admin page lists. */
const MAX_ENTRIES = 50;

const urlsOf = async (ids: string[]) => Object.fromEntries(await tempFileUrls(ids));

/** Every category in display order, hidden ones too, with temporary URLs of their cloud icons, as the admin page edits them. */
export async function listAdminCategories(ctx: RequestContext): Promise<AdminCatalogResponses['listCategories']> {
  const items = await catalogCollections(ctx).categories.find({}, { orderBy: [['sort', 'asc']], limit: MAX_ENTRIES });
  return { items, displayUrls: await urlsOf(items.map((category) => category.iconUrl)) };
}

/** Every banner in display order, shown or not, with temporary URLs of their cloud pictures. */
export async function listBanners(ctx: RequestContext): Promise<AdminCatalogResponses['listBanners']> {
  const items = await catalogCollections(ctx).banners.find({}, { orderBy: [['sort', 'asc']], limit: MAX_ENTRIES });
  return { items, displayUrls: await urlsOf(items.map((banner) => banner.imageUrl)) };
}
