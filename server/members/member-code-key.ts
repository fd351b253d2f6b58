import { CodedError } from '~/core/coded-error';
import type { MemberCodeKey } from '~/core/members/member-code';

/** The environment variable, on the `member` and `staff` functions, that holds the member-code signing secret. */
export const MEMBER_CODE_SECRET_ENV = 'LM_MEMBER_CODE_SECRET';

const MIN_SECRET_LENGTH = 32;

/**
 * The key member codes are signed and checked with: the secret (the member function signs, the
 * staff function checks) and the cloud environment the function runs in. Refuses to work without
 * a secret rather than sign with a guessable key.
 */
export function memberCodeKey(): MemberCodeKey {
  const secret = process.env[MEMBER_CODE_SECRET_ENV];
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    console.error(`[member-code] ${MEMBER_CODE_SECRET_ENV} is not set (or shorter than ${MIN_SECRET_LENGTH} characters) on this function`);
    throw new CodedError(
      'NOT_AVAILABLE',
      `member codes are not configured: set ${MEMBER_CODE_SECRET_ENV} on the member and staff functions`,
    );
  }
  // The platform names the environment a function runs in; TCB_ENV and SCF_NAMESPACE both carry it.
  const env = process.env.TCB_ENV || process.env.SCF_NAMESPACE || 'local';
  return { secret, env };
}
