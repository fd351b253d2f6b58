import type { StaffAction } from '~/core/access/staff-permissions';
import { staffMay } from '~/core/access/staff-permissions';
import { CodedError } from '~/core/coded-error';
import type { AuditActor, StaffDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { requireOpenid } from '../runtime/wx';

/**
 * The calling staff member, allowed to take `action`: UNAUTHENTICATED without a WeChat user,
 * NOT_STAFF for one who is not bound to a store, STAFF_DISABLED at once after an admin disabled
 * them, FORBIDDEN for a role the permission table does not list.
 */
export async function requireStaff(ctx: RequestContext, action: StaffAction): Promise<StaffDoc> {
  const staff = await ctx.db.collection('staff').get(requireOpenid(ctx));
  if (!staff) throw new CodedError('NOT_STAFF', '你还不是门店店员');
  if (staff.status !== 'active') throw new CodedError('STAFF_DISABLED', '店员账号已停用，请联系管理员');
  if (!staffMay(staff.role, action)) throw new CodedError('FORBIDDEN', '当前角色无权进行此操作');
  return staff;
}

/** The audit log's view of a staff member. */
export function staffActor(staff: StaffDoc): AuditActor {
  return { kind: 'staff', id: staff._id, name: staff.nickname, role: staff.role, storeId: staff.storeId };
}
