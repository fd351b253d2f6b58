import { CodedError } from '~/core/coded-error';
import type { StaffRow } from '~/types/functions/admin-staff';
import type { StaffDoc } from '~/types/staff';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from './admin-actor';
import { loadStore } from './load-store';
import { requireStoreInScope } from '~/server/admin/store-scope';
import { toStaffRow } from './staff-views';

/**
 * An admin disables a staff member (refused at their next call) or enables them again. A guarded
 * update on the status it changes, so a repeat changes nothing and writes no second audit entry.
 */
export async function setStaffStatus(
  ctx: RequestContext,
  input: { staffId: string; status: StaffDoc['status'] },
  admin: TokenClaims,
): Promise<StaffRow> {
  const staff = ctx.db.collection('staff');
  const current = await staff.get(input.staffId);
  if (!current) throw new CodedError('NOT_FOUND', '没有这位店员');
  requireStoreInScope(admin, current.storeId);
  const disabled = input.status === 'disabled';
  const change = {
    status: input.status,
    disabledAt: disabled ? ctx.now : null,
    disabledBy: disabled ? admin.sub : null,
    updatedAt: ctx.now,
  };
  const moved =
    current.status === input.status
      ? null
      : await updateWithAudit(ctx, {
          collection: 'staff',
          id: current._id,
          expected: (now) => now.status === current.status,
          change,
          audit: () => ({
            actor: adminActor(admin),
            action: 'setStaffStatus',
            target: { type: 'staff', id: current._id },
            storeId: current.storeId,
            before: { status: current.status },
            after: { status: input.status },
          }),
        });
  const after = moved ?? (await staff.get(current._id)) ?? current;
  const store = await loadStore(ctx, after.storeId).catch(() => null);
  return toStaffRow(after, store?.name ?? after.storeId);
}
