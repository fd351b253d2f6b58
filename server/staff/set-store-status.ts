import { CodedError } from '~/core/coded-error';
import type { StoreDetailRow } from '~/types/functions/admin-staff';
import type { StoreDoc } from '~/types/orders';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from './admin-actor';
import { toStoreRow } from './store-views';

/**
 * An admin closes a store (off checkout's pickup list, no new staff invites) or opens it again,
 * with its audit entry in the same transaction; setting the status it has writes nothing. Orders
 * and rewards already waiting at the store stay collectable, and its staff keep their binding.
 */
export async function setStoreStatus(
  ctx: RequestContext,
  input: { storeId: string; status: StoreDoc['status'] },
  admin: TokenClaims,
): Promise<StoreDetailRow> {
  const stores = ctx.db.collection('stores');
  const store = await stores.get(input.storeId);
  if (!store) throw new CodedError('NOT_FOUND', `门店 ${input.storeId} 不存在`);
  const changed =
    store.status === input.status
      ? null
      : await updateWithAudit(ctx, {
          collection: 'stores',
          id: store._id,
          expected: (now) => now.status !== input.status,
          change: { status: input.status, updatedAt: ctx.now },
          audit: (before) => ({
            actor: adminActor(admin),
            action: 'setStoreStatus',
            target: { type: 'store', id: store._id },
            storeId: store._id,
            before: { status: before.status },
            after: { status: input.status },
          }),
        });
  return toStoreRow(changed ?? (await stores.get(store._id)) ?? store);
}
