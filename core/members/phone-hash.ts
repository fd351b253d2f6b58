import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * A mainland mobile number as typed (spaces, dashes, a +86 or 0086 prefix), as the 11 digits
 * members store; null for anything else.
 */
export function normalizePhone(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return MOBILE.test(digits) ? digits : null;
}

/**
 * The lookup key of a member's phone: HMAC-SHA256 of the 11 digits under the environment's
 * secret, in hex. Keyed, so whoever reads the database cannot hash their way through the few
 * billion possible numbers; equal numbers give equal keys, so the key is indexed and searched.
 */
export function phoneHash(phone: string, secret: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(phone)));
}
