import { CodedError } from '~/core/coded-error';
import type { AdminDoc, AdminRole } from '~/types/documents';
import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import { updateWithAudit } from '../audit/change-with-audit';
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
  const holds = (doc: AdminDoc) => doc.role === input.role && (doc.storeId ?? null) === storeId;
  if (holds(admin)) return toAccountRow(admin);
  const changed = await updateWithAudit(ctx, {
    collection: 'admins',
    id: admin._id,
    expected: (now) => now.role === admin.role && (now.storeId ?? null) === (admin.storeId ?? null),
    change: { role: input.role, storeId, updatedAt: ctx.now },
    audit: () => ({
      actor: adminActor(owner),
      action: 'setAdminRole',
      target: { type: 'admin', id: admin._id },
      before: { role: admin.role, storeId: admin.storeId ?? null },
      after: { role: input.role, storeId },
    }),
  });
  const current = changed ?? (await loadAccount(ctx, admin._id));
  if (!holds(current)) throw new CodedError('CONFLICT', '账号刚被修改过，请刷新后重试');
  await endSessions(ctx, admin._id);
  return toAccountRow(current);
}
