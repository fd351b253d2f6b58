import type { StaffRow } from '~/types/functions/admin-staff';
import type { StaffMe } from '~/types/functions/staff';
import type { StoreDoc } from '~/types/orders';
import type { StaffDoc } from '~/types/staff';

/** A staff member as the admin page lists them. */
export function toStaffRow(staff: StaffDoc, storeName: string): StaffRow {
  return {
    staffId: staff._id,
    nickname: staff.nickname,
    storeId: staff.storeId,
    storeName,
    role: staff.role,
    status: staff.status,
    createdAt: staff.createdAt,
    disabledAt: staff.disabledAt,
  };
}

/** A staff member's own identity, as the staff pages show it. */
export function toStaffMe(staff: StaffDoc, store: Pick<StoreDoc, 'name'>): StaffMe {
  return { storeId: staff.storeId, storeName: store.name, role: staff.role, nickname: staff.nickname };
}
