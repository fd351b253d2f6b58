import type { AdminAction } from '~/core/access/admin-permissions';
import { adminMay } from '~/core/access/admin-permissions';
import { CodedError } from '~/core/coded-error';
import type { RequestContext } from '../runtime/wx';
import { requireAdmin } from './admin-sessions';
import type { TokenClaims } from './credentials';

/** What a session on a one-time password may still do. */
const WHILE_PASSWORD_CHANGE_REQUIRED: readonly string[] = ['changePassword', 'logout'];

/**
 * A route that needs a signed-in admin whose role may take the action: checks the session, that
 * a one-time password has been changed, and the permission table, then runs with the request
 * less its action and token, and the admin's claims.
 */
export const signedIn =
  <I extends { action: string; token: string }, R>(
    run: (ctx: RequestContext, input: Omit<I, 'action' | 'token'>, admin: TokenClaims) => Promise<R>,
  ) =>
  async ({ action, token, ...input }: I, ctx: RequestContext): Promise<R> => {
    const admin = await requireAdmin(ctx, token);
    if (admin.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.includes(action)) {
      throw new CodedError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
    }
    if (!adminMay(admin.role, action as AdminAction)) throw new CodedError('FORBIDDEN', '当前角色无权进行此操作');
    return run(ctx, input, admin);
  };
