import type { TokenClaims } from '~/server/admin/credentials';

/** A signed-in owner, for calling admin use cases directly in tests and benchmarks. */
export const OWNER_CLAIMS: TokenClaims = {
  sub: 'admin',
  role: 'owner',
  exp: Number.MAX_SAFE_INTEGER,
  storeId: null,
  sid: 'test-session',
  mustChangePassword: false,
};
