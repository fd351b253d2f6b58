import { HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import type { AdminDoc, AdminSessionDoc } from '~/types/documents';
import type { AdminSession } from '~/types/functions/admin';
import type { RequestContext } from '../runtime/wx';
import type { TokenClaims } from './credentials';
import { newSessionId, readToken, signToken } from './credentials';

/** A session lasts a working day at most, and ends after two idle hours. */
const SESSION_MS = 12 * HOUR_MS;
const IDLE_MS = 2 * HOUR_MS;
/** A session's idle deadline is moved on at most this often, so most calls cost one read, not a write. */
const TOUCH_MS = 5 * MINUTE_MS;

/** The secret that signs admin tokens: an environment variable of the admin function. */
export function tokenSecret(): string {
  const secret = process.env.ADMIN_TOKEN_SECRET;
  if (!secret || secret.length < 32) {
    console.error('[admin] ADMIN_TOKEN_SECRET is not set (or shorter than 32 characters) on the admin function');
    throw new CodedError('INTERNAL', 'admin sign-in is not configured');
  }
  return secret;
}

/** Opens a session for an account that just proved its password, and answers its token. */
export async function openSession(ctx: RequestContext, admin: AdminDoc): Promise<AdminSession> {
  const session: AdminSessionDoc = {
    _id: newSessionId(),
    adminId: admin._id,
    role: admin.role,
    storeId: admin.storeId ?? null,
    mustChangePassword: admin.mustChangePassword === true,
    createdAt: ctx.now,
    expiresAt: ctx.now + SESSION_MS,
    idleUntil: ctx.now + IDLE_MS,
    revokedAt: null,
    clientIp: ctx.clientIp ?? null,
  };
  await ctx.db.collection('admin_sessions').insert(session);
  return {
    token: signToken({ sid: session._id, exp: session.expiresAt }, tokenSecret()),
    expiresAt: session.expiresAt,
    admin: { username: admin._id, role: admin.role, storeId: session.storeId, mustChangePassword: session.mustChangePassword },
  };
}

/**
 * The admin behind a token, as its session holds them now: UNAUTHENTICATED for a token that is
 * not one of ours, SESSION_EXPIRED for one past its expiry, idle too long, or revoked (logged out,
 * account disabled, password or role changed).
 */
export async function requireAdmin(ctx: RequestContext, token: string): Promise<TokenClaims> {
  const read = readToken(token, tokenSecret());
  if (!read) throw new CodedError('UNAUTHENTICATED', 'please sign in');
  if (read.exp <= ctx.now) throw new CodedError('SESSION_EXPIRED', '登录已过期，请重新登录');
  const sessions = ctx.db.collection('admin_sessions');
  const session = await sessions.get(read.sid);
  if (!session || session.revokedAt !== null) throw new CodedError('SESSION_EXPIRED', '登录已失效，请重新登录');
  if (session.expiresAt <= ctx.now || session.idleUntil <= ctx.now) throw new CodedError('SESSION_EXPIRED', '长时间未操作，请重新登录');
  if (session.idleUntil - IDLE_MS + TOUCH_MS <= ctx.now) {
    await sessions.updateWhere({ _id: session._id, revokedAt: null }, { idleUntil: ctx.now + IDLE_MS });
  }
  return {
    sub: session.adminId,
    role: session.role,
    storeId: session.storeId,
    sid: session._id,
    exp: session.expiresAt,
    mustChangePassword: session.mustChangePassword,
  };
}

/** Ends every open session of an account (all but `except`, when given). */
export async function endSessions(ctx: RequestContext, adminId: string, except?: string): Promise<number> {
  const _ = ctx.db.command;
  const query = except ? { adminId, revokedAt: null, _id: _.neq(except) } : { adminId, revokedAt: null };
  return ctx.db.collection('admin_sessions').updateWhere(query, { revokedAt: ctx.now });
}

/** Logs out: the token stops working at once. */
export async function logoutAdmin(ctx: RequestContext, admin: TokenClaims): Promise<{ loggedOut: true }> {
  await ctx.db.collection('admin_sessions').updateWhere({ _id: admin.sid, revokedAt: null }, { revokedAt: ctx.now });
  return { loggedOut: true };
}
