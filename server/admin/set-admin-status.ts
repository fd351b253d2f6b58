import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { toAccountRow } from './account-views';
import { endSessions } from './admin-sessions';
import type { TokenClaims } from './credentials';
import { loadAccount, notSelf } from './load-account';

/** An owner disables an account (its sessions end at once) or enables it again; a repeat changes nothing. */
export async function setAdminStatus(
  ctx: RequestContext,
  input: { username: string; status: 'active' | 'disabled' },
  owner: TokenClaims,
): Promise<AdminAccountsResponses['setAdminStatus']> {
  notSelf(owner.sub, input.username, '停用');
  const admin = await loadAccount(ctx, input.username);
  const before = admin.status ?? 'active';
  if (before === input.status) return toAccountRow(admin);
  const changed = await updateWithAudit(ctx, {
    collection: 'admins',
    id: admin._id,
    expected: (now) => (now.status ?? 'active') === before,
    change: { status: input.status, updatedAt: ctx.now },
    audit: () => ({
      actor: adminActor(owner),
      action: 'setAdminStatus',
      target: { type: 'admin', id: admin._id },
      before: { status: before },
      after: { status: input.status },
    }),
  });
  if (input.status === 'disabled') await endSessions(ctx, admin._id);
  return toAccountRow(changed ?? (await loadAccount(ctx, admin._id)));
}
