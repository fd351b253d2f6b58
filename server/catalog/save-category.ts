import type { CategoryDoc } from '~/types/catalog';
import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { saveCatalogEntry } from './save-catalog-entry';

/** An admin creates or edits a category: name, icon, place in the order, and whether shoppers see it. Audited. */
export async function saveCategory(
  ctx: RequestContext,
  input: { mode: 'create' | 'update'; categoryId: string; name: string; iconUrl: string; sort: number; hidden: boolean },
  admin: TokenClaims,
): Promise<AdminCatalogResponses['saveCategory']> {
  const doc: CategoryDoc = { _id: input.categoryId, name: input.name, iconUrl: input.iconUrl, sort: input.sort, hidden: input.hidden };
  const { doc: category, created } = await saveCatalogEntry(
    ctx,
    { collection: 'categories', mode: input.mode, doc, targetType: 'category', action: 'saveCategory' },
    admin,
  );
  return { category, created };
}
