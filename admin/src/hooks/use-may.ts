import { useCallback } from 'react';
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

/** `useMay` for a page that asks about several actions: one check function for the signed-in role. */
export function useMayTake(): (action: PermittedAction) => boolean {
  const { role } = useAdminSession().admin;
  return useCallback((action: PermittedAction) => adminMay(role, action), [role]);
}
