import type { AuditActor } from '~/types/staff';
import type { TokenClaims } from '~/server/admin/credentials';

/** The audit log's view of a signed-in admin. */
export function adminActor(admin: TokenClaims): AuditActor {
  return { kind: 'admin', id: admin.sub, name: admin.sub, role: admin.role, storeId: admin.storeId };
}
