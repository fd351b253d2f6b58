import type { AdminSession } from '~/types/functions/admin';
import type { RequestContext } from '../runtime/wx';
import type { TokenClaims } from './credentials';
import { readToken, signToken, verifyPassword } from './credentials';
import { CodedError } from '~/core/coded-error';

/** A valid hash of a random password, checked when the user does not exist. */
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Sessions last a working day. */
const SESSION_MS = 12 * 60 * 60 * 1000;

/** The secret that signs admin tokens: an environment variable of the admin function. */
function tokenSecret(): string {
  const secret = process.env.ADMIN_TOKEN_SECRET;
  if (!secret || secret.length < 32) {
    console.error('[admin] ADMIN_TOKEN_SECRET is not set (or shorter than 32 characters) on the admin function');
    throw new CodedError('INTERNAL', 'admin sign-in is not configured');
  }
  return secret;
}

/** Wrong passwords in a row before an account is locked for LOCK_MS. */
const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;

/**
 * Checks a login and issues a session token. Wrong user and wrong password look the same;
 * five wrong passwords in a row lock the account for 15 minutes (counted with guarded
 * increments, so parallel guesses cannot slip past the limit).
 */
export async function loginAdmin(ctx: RequestContext, input: { username: string; password: string }): Promise<AdminSession> {
  const secret = tokenSecret();
  const _ = ctx.db.command;
  const admins = ctx.db.collection('admins');
  const admin = await admins.get(input.username);
  if (admin && (admin.lockedUntil ?? 0) > ctx.now) {
    throw new CodedError('ACCOUNT_LOCKED', 'too many wrong passwords: this account is locked for a while', {
      lockedUntil: admin.lockedUntil,
    });
  }
  // An unknown user costs the same hash as a known one, so timing does not tell which names exist.
  const valid = await verifyPassword(input.password, admin?.passwordHash ?? UNKNOWN_USER_HASH);
  if (admin && !valid) {
    await admins.updateWhere({ _id: admin._id }, { failedLogins: _.inc(1) });
    await admins.updateWhere({ _id: admin._id, failedLogins: _.gte(MAX_FAILURES) }, { failedLogins: 0, lockedUntil: ctx.now + LOCK_MS });
  }
  if (!admin || !valid) throw new CodedError('INVALID_CREDENTIALS', 'wrong username or password');
  await admins.updateWhere({ _id: admin._id }, { lastLoginAt: ctx.now, failedLogins: 0 });
  const expiresAt = ctx.now + SESSION_MS;
  return {
    token: signToken({ sub: admin._id, role: admin.role, exp: expiresAt }, secret),
    expiresAt,
    admin: { username: admin._id, role: admin.role },
  };
}

/** The admin behind a token; every admin action but login calls this first. */
export function requireAdmin(ctx: RequestContext, token: string): TokenClaims {
  const claims = readToken(token, tokenSecret());
  if (!claims) throw new CodedError('UNAUTHENTICATED', 'please sign in');
  if (claims.exp <= ctx.now) throw new CodedError('SESSION_EXPIRED', 'your session has expired, please sign in again');
  return claims;
}
