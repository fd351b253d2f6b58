import type { AdminRole } from '~/types/documents';
import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { toAccountRow } from './account-views';
import { endSessions } from './admin-sessions';
import { storeOfRole } from './create-admin';
import type { TokenClaims } from './credentials';
import { loadAccount, notSelf } from './load-account';

/** An owner gives an account another role (and store); its sessions end, so the next sign-in carries the new role. */
export async function setAdminRole(
  ctx: RequestContext,
  input: { username: string; role: AdminRole; storeId?: string },
  owner: TokenClaims,
): Promise<AdminAccountsResponses['setAdminRole']> {
  notSelf(owner.sub, input.username, '更改');
  const admin = await loadAccount(ctx, input.username);
  const storeId = await storeOfRole(ctx, input.role, input.storeId);
  if (admin.role === input.role && (admin.storeId ?? null) === storeId) return toAccountRow(admin);
  await ctx.db.collection('admins').updateWhere({ _id: admin._id }, { role: input.role, storeId, updatedAt: ctx.now });
  await endSessions(ctx, admin._id);
  await writeAudit(ctx, {
    _id: `audit:admin:role:${admin._id}:${ctx.now}`,
    actor: adminActor(owner),
    action: 'setAdminRole',
    target: { type: 'admin', id: admin._id },
    before: { role: admin.role, storeId: admin.storeId ?? null },
    after: { role: input.role, storeId },
  });
  return toAccountRow({ ...admin, role: input.role, storeId });
}
