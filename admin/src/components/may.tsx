import type { ReactNode } from 'react';
import type { AdminAction as PermittedAction } from '~/core/access/admin-permissions';
import { useMay } from '../hooks/use-may';

/** Its children only when the signed-in admin's role may take `action` (a button for it, a box that calls it). */
export function May({ action, children }: { action: PermittedAction; children: ReactNode }) {
  return useMay(action) ? <>{children}</> : null;
}
