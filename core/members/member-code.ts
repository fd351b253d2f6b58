import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import type { EpochMs } from '~/types/units';

/** A member code rotates this often. */
export const MEMBER_CODE_WINDOW_MS = 30_000;

/**
 * Windows before the current one whose codes a till still accepts: a code read off the screen
 * just before it rotates must not fail at the scanner.
 */
const GRACE_WINDOWS = 1;

/** How far back a recognisably old code is answered as `expired` rather than `invalid`. */
const RECOGNISED_WINDOWS = 120;

const MEMBER_NO_DIGITS = 10;
const ENV_DIGITS = 2;
const MAC_DIGITS = 8;
/** A member code's length: the member number, the environment's tag, the signature. */
export const MEMBER_CODE_DIGITS = MEMBER_NO_DIGITS + ENV_DIGITS + MAC_DIGITS;

/** What signs codes: the secret, and the cloud environment the codes belong to. */
export interface MemberCodeKey {
  secret: string;
  /** The cloud environment id; a code carries its tag, so a till can tell another environment's code from a forgery. */
  env: string;
}

/** The member a code is made for: the id is signed, the number lets a till find the member. */
export interface MemberCodeSubject {
  memberId: string;
  memberNo: string;
}

export interface SignedMemberCode {
  /** 20 digits: the member number, 2 digits naming the environment, then 8 digits of HMAC-SHA256 over the environment, member id and time window. */
  code: string;
  /** When the client should fetch the next code. */
  refreshAt: EpochMs;
  /** When a till stops accepting this code. */
  expiresAt: EpochMs;
}

export type MemberCodeCheck = 'valid' | 'expired' | 'invalid' | 'otherEnv';

/** The time window an instant falls in. */
export function memberCodeWindow(at: EpochMs): number {
  return Math.floor(at / MEMBER_CODE_WINDOW_MS);
}

/** `digits` decimal digits of a MAC, truncated as in RFC 4226. */
function truncated(mac: Uint8Array, digits: number): string {
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const bytes = mac.subarray(offset, offset + 4);
  const value = (((bytes[0] as number) & 0x7f) << 24) | ((bytes[1] as number) << 16) | ((bytes[2] as number) << 8) | (bytes[3] as number);
  return String(value % 10 ** digits).padStart(digits, '0');
}

/** Eight decimal digits of HMAC-SHA256(secret, env + memberId + window). */
function macDigits(key: MemberCodeKey, memberId: string, window: number): string {
  return truncated(hmac(sha256, utf8ToBytes(key.secret), utf8ToBytes(`member-code:v2:${key.env}:${memberId}:${window}`)), MAC_DIGITS);
}

/** The two digits that name an environment in its codes (public: they tell environments apart, they prove nothing). */
export function memberCodeEnvTag(env: string): string {
  return truncated(sha256(utf8ToBytes(`member-code-env:${env}`)), ENV_DIGITS);
}

/** Compares two strings in time that depends only on their length. */
function sameDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function assertUsable(key: MemberCodeKey, subject: MemberCodeSubject): void {
  if (key.secret.length === 0) throw new Error('member code secret must not be empty');
  if (key.env.length === 0) throw new Error('member code environment must not be empty');
  if (!new RegExp(`^[1-9]\\d{${MEMBER_NO_DIGITS - 1}}$`).test(subject.memberNo)) {
    throw new Error(`member number must be ${MEMBER_NO_DIGITS} digits`);
  }
}

/** Signs the member's code for the window of `now`. */
export function signMemberCode(key: MemberCodeKey, subject: MemberCodeSubject, now: EpochMs): SignedMemberCode {
  assertUsable(key, subject);
  const window = memberCodeWindow(now);
  return {
    code: `${subject.memberNo}${memberCodeEnvTag(key.env)}${macDigits(key, subject.memberId, window)}`,
    refreshAt: (window + 1) * MEMBER_CODE_WINDOW_MS,
    expiresAt: (window + 1 + GRACE_WINDOWS) * MEMBER_CODE_WINDOW_MS,
  };
}

/** Splits a typed or scanned code into the member number, the environment tag and the signature; null when it is not a member code. */
export function parseMemberCode(code: string): { memberNo: string; envTag: string; mac: string } | null {
  const digits = code.replace(/\s+/g, '');
  if (!new RegExp(`^[1-9]\\d{${MEMBER_CODE_DIGITS - 1}}$`).test(digits)) return null;
  return {
    memberNo: digits.slice(0, MEMBER_NO_DIGITS),
    envTag: digits.slice(MEMBER_NO_DIGITS, MEMBER_NO_DIGITS + ENV_DIGITS),
    mac: digits.slice(MEMBER_NO_DIGITS + ENV_DIGITS),
  };
}

/** The digits of a code without the spaces it may have been typed with, or null when it is not a member code. */
export function normalMemberCode(code: string): string | null {
  return parseMemberCode(code) ? code.replace(/\s+/g, '') : null;
}

/**
 * Checks a code against the member its number names: `otherEnv` when it names another
 * environment, `valid` in its own window and the grace window after it, `expired` when it was
 * this member's code not long ago, else `invalid`.
 */
export function checkMemberCode(key: MemberCodeKey, subject: MemberCodeSubject, code: string, now: EpochMs): MemberCodeCheck {
  assertUsable(key, subject);
  const parsed = parseMemberCode(code);
  if (!parsed || parsed.memberNo !== subject.memberNo) return 'invalid';
  if (parsed.envTag !== memberCodeEnvTag(key.env)) return 'otherEnv';
  const current = memberCodeWindow(now);
  for (let back = 0; back <= RECOGNISED_WINDOWS; back += 1) {
    if (sameDigits(parsed.mac, macDigits(key, subject.memberId, current - back))) {
      return back <= GRACE_WINDOWS ? 'valid' : 'expired';
    }
  }
  return 'invalid';
}
