import type { AdminAction } from '~/core/access/admin-permissions';
import { adminMay } from '~/core/access/admin-permissions';
import { CodedError } from '~/core/coded-error';
import type { RequestContext } from '../runtime/wx';
import type { TokenClaims } from './credentials';
import { requireAdmin } from './session';

/**
 * A route that needs a signed-in admin whose role may take the action: checks the session and
 * the permission table, then runs with the request less its action and token, and the admin's claims.
 */
export const signedIn =
  <I extends { action: string; token: string }, R>(
    run: (ctx: RequestContext, input: Omit<I, 'action' | 'token'>, admin: TokenClaims) => Promise<R>,
  ) =>
  async ({ action, token, ...input }: I, ctx: RequestContext): Promise<R> => {
    const admin = requireAdmin(ctx, token);
    if (!adminMay(admin.role, action as AdminAction)) throw new CodedError('FORBIDDEN', '当前角色无权进行此操作');
    return run(ctx, input, admin);
  };
