import { adminMay } from '~/core/access/admin-permissions';
import type { AdminAction as PermittedAction } from '~/core/access/admin-permissions';
import { useAdminSession } from '../api/admin-api-context';

/**
 * Whether the signed-in admin's role may take an action, by the permission table the server
 * checks: the page hides what the server would refuse anyway.
 */
export function useMay(action: PermittedAction): boolean {
  return adminMay(useAdminSession().admin.role, action);
}
