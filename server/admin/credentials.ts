import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** scrypt cost: N = 2^15, r = 8 (32 MiB, about 100 ms a hash on this class of machine). */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

/** A slow salted hash for storage: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEM });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

import type { AdminRole } from '~/types/documents';

/** Who a valid session token speaks for: its session, account, role (and store) as the session holds them. */
export interface TokenClaims {
  sub: string;
  role: AdminRole;
  storeId: string | null;
  /** The session the token names (`admin_sessions`). */
  sid: string;
  exp: number;
  mustChangePassword: boolean;
}

const VERSION = 'v2';
const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A session token: `v2.<session id>.<expiry ms>.<signature>`, the signature over the first three. */
export function signToken(session: { sid: string; exp: number }, secret: string): string {
  const payload = `${VERSION}.${session.sid}.${session.exp}`;
  return `${payload}.${sign(payload, secret)}`;
}

/**
 * The session id and expiry of a token whose signature is valid, or null: exactly four segments,
 * this version, a session id and a whole-number expiry. Anything else (extra segments, no
 * expiry, another format) is refused.
 */
export function readToken(token: string, secret: string): { sid: string; exp: number } | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [version, sid, exp, signature] = parts as [string, string, string, string];
  if (version !== VERSION || !/^[A-Za-z0-9_-]{16,64}$/.test(sid) || !/^\d{1,16}$/.test(exp)) return null;
  const expected = Buffer.from(sign(`${version}.${sid}.${exp}`, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { sid, exp: Number(exp) };
}

/** A random password for a new account, shown once to the owner who made it. */
export function oneTimePassword(): string {
  return randomBytes(9).toString('base64url');
}

/** A new session id. */
export function newSessionId(): string {
  return randomBytes(18).toString('base64url');
}
