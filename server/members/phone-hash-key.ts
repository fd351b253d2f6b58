import { CodedError } from '~/core/coded-error';
import { phoneHash } from '~/core/members/phone-hash';

/** The environment variable, on the `member` and `admin` functions, that holds the phone-hash secret. */
export const PHONE_HASH_SECRET_ENV = 'LM_PHONE_HASH_SECRET';

/**
 * The secret a local cloud and tests hash phones with when none is set. Never used in a real
 * cloud environment: there a missing secret is refused.
 */
export const LOCAL_PHONE_HASH_SECRET = 'loyalty-mall-local-phone-hash-secret';

const MIN_SECRET_LENGTH = 32;

/** The environment the function runs in; the local cloud's is `local`, and outside any cloud (unit tests) there is none. */
function isLocal(): boolean {
  return (process.env.TCB_ENV || process.env.SCF_NAMESPACE || 'local') === 'local';
}

/**
 * The secret phones are hashed with: the same on the member function (which writes the hash)
 * and the admin function (which searches by it). A real environment without it refuses rather
 * than hash with a guessable key.
 */
export function phoneHashSecret(): string {
  const secret = process.env[PHONE_HASH_SECRET_ENV];
  if (secret && secret.length >= MIN_SECRET_LENGTH) return secret;
  if (!secret && isLocal()) return LOCAL_PHONE_HASH_SECRET;
  console.error(`[phone-hash] ${PHONE_HASH_SECRET_ENV} is not set (or shorter than ${MIN_SECRET_LENGTH} characters) on this function`);
  throw new CodedError('NOT_AVAILABLE', `phone lookup is not configured: set ${PHONE_HASH_SECRET_ENV} on the member and admin functions`);
}

/** The lookup key of a phone in this environment. */
export function phoneLookupKey(phone: string): string {
  return phoneHash(phone, phoneHashSecret());
}
