import { CodedError } from '~/core/coded-error';
import type { AdminSession } from '~/types/functions/admin';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { endSessions, openSession } from './admin-sessions';
import type { TokenClaims } from './credentials';
import { hashPassword } from './credentials';
import { recheckPassword } from './session';

/**
 * A signed-in admin changes their own password (the one-time one, or any): the old one is
 * checked under the login's failure budget, every session of the account ends, and a new one
 * opens for this page.
 */
export async function changePassword(
  ctx: RequestContext,
  input: { oldPassword: string; newPassword: string },
  admin: TokenClaims,
): Promise<AdminSession> {
  if (input.oldPassword === input.newPassword) {
    throw new CodedError('VALIDATION_FAILED', 'newPassword: 新密码不能与旧密码相同', { field: 'newPassword' });
  }
  const account = await recheckPassword(ctx, admin.sub, input.oldPassword);
  const change = { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, updatedAt: ctx.now };
  const changed = await updateWithAudit(ctx, {
    collection: 'admins',
    id: account._id,
    expected: (now) => now.passwordHash === account.passwordHash,
    change,
    audit: () => ({
      actor: adminActor(admin),
      action: 'changePassword',
      target: { type: 'admin', id: account._id },
      after: { mustChangePassword: false },
    }),
  });
  if (!changed) throw new CodedError('CONFLICT', '密码刚被修改过，请重新登录');
  await endSessions(ctx, account._id);
  return openSession(ctx, changed);
}
