import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import { CodedError } from '~/core/coded-error';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { toAccountRow } from './account-views';
import { endSessions } from './admin-sessions';
import type { TokenClaims } from './credentials';
import { hashPassword, oneTimePassword } from './credentials';
import { loadAccount, notSelf } from './load-account';

/** An owner gives an account a new one-time password (someone forgot theirs): its sessions end, and it must change the password at sign-in. */
export async function resetAdminPassword(
  ctx: RequestContext,
  input: { username: string },
  owner: TokenClaims,
): Promise<AdminAccountsResponses['resetAdminPassword']> {
  notSelf(owner.sub, input.username, '重置');
  const admin = await loadAccount(ctx, input.username);
  const password = oneTimePassword();
  const change = { passwordHash: await hashPassword(password), mustChangePassword: true, updatedAt: ctx.now };
  const changed = await updateWithAudit(ctx, {
    collection: 'admins',
    id: admin._id,
    expected: (now) => now.passwordHash === admin.passwordHash,
    change,
    audit: () => ({
      actor: adminActor(owner),
      action: 'resetAdminPassword',
      target: { type: 'admin', id: admin._id },
      after: { mustChangePassword: true },
    }),
  });
  if (!changed) throw new CodedError('CONFLICT', '该账号的密码刚被修改过，请刷新后重试');
  await endSessions(ctx, admin._id);
  return { ...toAccountRow(changed), oneTimePassword: password };
}
