import type { AdminDoc } from '~/types/documents';
import type { AdminAccountRow } from '~/types/functions/admin-accounts';

/** An admin account as the accounts page lists it: never its hash. */
export function toAccountRow(admin: AdminDoc): AdminAccountRow {
  return {
    username: admin._id,
    role: admin.role,
    storeId: admin.storeId ?? null,
    status: admin.status ?? 'active',
    mustChangePassword: admin.mustChangePassword === true,
    createdAt: admin.createdAt,
    lastLoginAt: admin.lastLoginAt ?? null,
  };
}
