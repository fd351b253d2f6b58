import type { BannerDoc, CategoryDoc } from '~/types/catalog';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { CodedError } from '~/core/coded-error';

type Entries = { categories: CategoryDoc; banners: BannerDoc };

const sameFields = (a: object, b: object) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(
    (key) => JSON.stringify((a as Record<string, unknown>)[key] ?? null) === JSON.stringify((b as Record<string, unknown>)[key] ?? null),
  );
};

/**
 * Creates or replaces one category or banner (whose id is the admin's slug), with its audit
 * entry in the same transaction. A retried create that finds the same entry answers it
 * (created: false) and writes no second entry; a create on an id taken by a different entry is
 * CONFLICT, an update of a missing one NOT_FOUND; an update that changes nothing writes nothing.
 */
export async function saveCatalogEntry<N extends keyof Entries>(
  ctx: RequestContext,
  input: {
    collection: N;
    mode: 'create' | 'update';
    doc: Entries[N];
    targetType: 'category' | 'banner';
    action: 'saveCategory' | 'saveBanner';
  },
  admin: TokenClaims,
): Promise<{ doc: Entries[N]; created: boolean }> {
  const { _id, ...fields } = input.doc;
  type Outcome = { doc: Entries[N]; created: boolean } | 'taken' | 'missing';
  const outcome = await changeWithAudit<Outcome>(ctx, async (tx) => {
    const ref = tx.collection(input.collection).doc(_id);
    const before = (await ref.get()).data as Entries[N] | null;
    if (input.mode === 'create' && before) {
      return { value: sameFields(before, input.doc) ? { doc: before, created: false } : 'taken', audit: null };
    }
    if (input.mode === 'update' && !before) return { value: 'missing', audit: null };
    if (before && sameFields(before, input.doc)) return { value: { doc: before, created: false }, audit: null };
    // Entries[N] is the stored shape of collection N; the checker cannot follow the generic index.
    await ref.set({ data: fields as never });
    return {
      value: { doc: input.doc, created: before === null },
      audit: {
        actor: adminActor(admin),
        action: input.action,
        target: { type: input.targetType, id: _id },
        before: before ? { ...before } : null,
        after: { created: before === null, ...fields },
      },
    };
  });
  if (outcome === 'taken') throw new CodedError('CONFLICT', `a different ${input.targetType} ${_id} already exists`);
  if (outcome === 'missing') throw new CodedError('NOT_FOUND', `no ${input.targetType} ${_id}`);
  return outcome;
}
