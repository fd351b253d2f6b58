import { CodedError } from '~/core/coded-error';
import type { AdminDoc } from '~/types/documents';
import type { AdminSession } from '~/types/functions/admin';
import type { RequestContext } from '../runtime/wx';
import { withFailureBudget } from '../throttle/failure-budget';
import { openSession, tokenSecret } from './admin-sessions';
import { verifyPassword } from './credentials';
import { loginCounters, rememberSource } from './login-throttle';

/** A valid hash of a random password, checked when the user does not exist. */
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Checks a password against an account (or against a dummy hash for an unknown name, in the same time); answers the account or throws. */
async function checkPassword(ctx: RequestContext, username: string, password: string): Promise<AdminDoc> {
  const admin = await ctx.db.collection('admins').get(username);
  // An unknown user costs the same hash as a known one, so timing does not tell which names exist.
  const valid = await verifyPassword(password, admin?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!admin || !valid) throw new CodedError('INVALID_CREDENTIALS', '用户名或密码错误');
  if (admin.status === 'disabled') throw new CodedError('FORBIDDEN', '该账号已停用');
  return admin;
}

/**
 * Checks a login and opens a session. A slot of each failure counter is taken before the hash is
 * checked and given back on success, so parallel guesses get no extra tries; past a counter's
 * free tries the answer is TOO_MANY_ATTEMPTS with a wait that grows with each failure, for that
 * address or that account only. Unknown user and wrong password answer the same. The address of
 * a successful sign-in becomes known to the account (see loginCounters).
 */
export async function loginAdmin(ctx: RequestContext, input: { username: string; password: string }): Promise<AdminSession> {
  tokenSecret();
  const counters = await loginCounters(ctx, input.username);
  const admin = await withFailureBudget(ctx, counters, () => checkPassword(ctx, input.username, input.password));
  await rememberSource(ctx, admin._id);
  await ctx.db.collection('admins').updateWhere({ _id: admin._id }, { lastLoginAt: ctx.now });
  return openSession(ctx, admin);
}

/** The password check of a signed-in admin (changing their password), under the same failure counters as a login. */
export async function recheckPassword(ctx: RequestContext, username: string, password: string): Promise<AdminDoc> {
  return withFailureBudget(ctx, await loginCounters(ctx, username), () => checkPassword(ctx, username, password));
}
