import { MINUTE_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import type { AdminDoc } from '~/types/documents';
import type { AdminSession } from '~/types/functions/admin';
import type { RequestContext } from '../runtime/wx';
import type { FailureCounter } from '../throttle/failure-budget';
import { counterIn, withFailureBudget } from '../throttle/failure-budget';
import { openSession, tokenSecret } from './admin-sessions';
import { verifyPassword } from './credentials';

/** A valid hash of a random password, checked when the user does not exist. */
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const WINDOW_MS = 15 * MINUTE_MS;
/**
 * Wrong passwords allowed per 15 minutes: for one account from one address (a person mistyping),
 * from one address over all accounts, and for one account from everywhere (guessing spread over
 * many addresses). Another address is not held back by one address's guesses, so the owner can
 * sign in while someone elsewhere guesses at the account.
 */
export const LOGIN_FAILURE_LIMITS = { accountAtSource: 5, source: 20, account: 50 } as const;

function loginCounters(ctx: RequestContext, username: string): FailureCounter[] {
  const source = ctx.clientIp ?? 'unknown';
  const counter = (scope: string, limit: number) => ({ id: counterIn(scope, ctx.now, WINDOW_MS), limit, windowMs: WINDOW_MS });
  return [
    counter(`login:account-source:${username}:${source}`, LOGIN_FAILURE_LIMITS.accountAtSource),
    counter(`login:source:${source}`, LOGIN_FAILURE_LIMITS.source),
    counter(`login:account:${username}`, LOGIN_FAILURE_LIMITS.account),
  ];
}

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
 * Checks a login and opens a session. A failure slot of each counter is taken before the hash is
 * checked and given back on success, so parallel guesses get no extra tries; at a limit the
 * answer is TOO_MANY_ATTEMPTS until the window ends, for that address or that account only.
 * Unknown user and wrong password answer the same.
 */
export async function loginAdmin(ctx: RequestContext, input: { username: string; password: string }): Promise<AdminSession> {
  tokenSecret();
  const admin = await withFailureBudget(ctx, loginCounters(ctx, input.username), () => checkPassword(ctx, input.username, input.password));
  await ctx.db.collection('admins').updateWhere({ _id: admin._id }, { lastLoginAt: ctx.now });
  return openSession(ctx, admin);
}

/** The password check of a signed-in admin (changing their password), under the same failure budget as a login. */
export async function recheckPassword(ctx: RequestContext, username: string, password: string): Promise<AdminDoc> {
  return withFailureBudget(ctx, loginCounters(ctx, username), () => checkPassword(ctx, username, password));
}
