import { CodedError } from '~/core/coded-error';
import type { AdminStaffResponses, StoreInput } from '~/types/functions/admin-staff';
import type { StoreDoc } from '~/types/orders';
import type { TokenClaims } from '~/server/admin/credentials';
import { requireStoreInScope } from '~/server/admin/store-scope';
import type { ChangeAudit } from '../audit/change-with-audit';
import { changeWithAudit, updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from './admin-actor';
import { storeFieldsView, toStoreRow } from './store-views';

/** The store document's fields an input sets. */
function storeFieldsOf(input: StoreInput): Omit<StoreDoc, '_id' | 'status' | 'updatedAt'> {
  return {
    name: input.name,
    address: input.address,
    phone: input.phone,
    openHours: input.openHours,
    location: input.location,
    pickupEnabled: input.pickupEnabled,
    pointsPendingDays: input.pointsPendingDays,
  };
}

const sameFields = (a: StoreDoc, b: StoreDoc) => JSON.stringify(storeFieldsView(a)) === JSON.stringify(storeFieldsView(b));

/**
 * An admin opens a new store or edits one, with its audit entry in the same transaction. The id
 * is the admin's slug, so a retried create finds the store it made (created: false); a create on
 * an id taken by a different store is CONFLICT. A store manager edits their own store only and
 * cannot create one. An edit keeps the open/closed state (setStoreStatus changes it); an edit
 * that changes nothing writes nothing.
 */
export async function saveStore(
  ctx: RequestContext,
  input: StoreInput & { mode: 'create' | 'update' },
  admin: TokenClaims,
): Promise<AdminStaffResponses['saveStore']> {
  if (input.mode === 'create' && admin.role === 'storeManager') throw new CodedError('FORBIDDEN', '门店经理不能新建门店');
  requireStoreInScope(admin, input.storeId);
  const audit = (before: StoreDoc | null, after: StoreDoc): ChangeAudit => ({
    actor: adminActor(admin),
    action: 'saveStore',
    target: { type: 'store', id: after._id },
    storeId: after._id,
    before: before && storeFieldsView(before),
    after: { created: before === null, ...storeFieldsView(after) },
  });

  if (input.mode === 'create') {
    const fresh: StoreDoc = { _id: input.storeId, ...storeFieldsOf(input), status: 'open', updatedAt: ctx.now };
    const found = await changeWithAudit(ctx, async (tx) => {
      const ref = tx.collection('stores').doc(fresh._id);
      const taken = (await ref.get()).data;
      if (taken) return { value: taken, audit: null };
      const { _id, ...fields } = fresh;
      await ref.set({ data: fields });
      return { value: null, audit: audit(null, fresh) };
    });
    if (found && !sameFields(found, fresh))
      throw new CodedError('CONFLICT', `storeId: 门店编号 ${input.storeId} 已被另一家门店使用`, { field: 'storeId' });
    return { store: toStoreRow(found ?? fresh), created: !found };
  }

  const existing = await ctx.db.collection('stores').get(input.storeId);
  if (!existing) throw new CodedError('NOT_FOUND', `门店 ${input.storeId} 不存在`);
  const edited: StoreDoc = { ...existing, ...storeFieldsOf(input) };
  if (sameFields(existing, edited)) return { store: toStoreRow(existing), created: false };
  const change = { ...storeFieldsOf(input), updatedAt: ctx.now };
  // Guarded on the version read above, so two admins' edits cannot silently overwrite each other.
  const updated = await updateWithAudit(ctx, {
    collection: 'stores',
    id: existing._id,
    expected: (now) => (now.updatedAt ?? null) === (existing.updatedAt ?? null),
    change,
    audit: (before) => audit(before, { ...before, ...change }),
  });
  if (!updated) throw new CodedError('CONFLICT', '门店已被他人修改，请刷新后重新保存');
  return { store: toStoreRow(updated), created: false };
}
