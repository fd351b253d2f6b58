import type { BannerDoc } from '~/types/catalog';
import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { catalogCollections } from './catalog-collections';
import { saveCatalogEntry } from './save-catalog-entry';
import { CodedError } from '~/core/coded-error';

/**
 * An admin creates or edits a home-page banner: picture, title, the product a tap opens, order,
 * on/off and time window. The window must end after it starts and the product must exist. Audited.
 */
export async function saveBanner(
  ctx: RequestContext,
  input: Omit<BannerDoc, '_id'> & { mode: 'create' | 'update'; bannerId: string },
  admin: TokenClaims,
): Promise<AdminCatalogResponses['saveBanner']> {
  const startsAt = input.startsAt ?? null;
  const endsAt = input.endsAt ?? null;
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) {
    throw new CodedError('VALIDATION_FAILED', 'endsAt: must be after startsAt', { field: 'endsAt' });
  }
  if (input.productId !== null && !(await catalogCollections(ctx).products.get(input.productId))) {
    throw new CodedError('VALIDATION_FAILED', `productId: no product ${input.productId}`, { field: 'productId' });
  }
  const doc: BannerDoc = {
    _id: input.bannerId,
    title: input.title,
    imageUrl: input.imageUrl,
    productId: input.productId,
    active: input.active,
    sort: input.sort,
    startsAt,
    endsAt,
  };
  const { doc: banner, created } = await saveCatalogEntry(
    ctx,
    { collection: 'banners', mode: input.mode, doc, targetType: 'banner', action: 'saveBanner' },
    admin,
  );
  return { banner, created };
}
