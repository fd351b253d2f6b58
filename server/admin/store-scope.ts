import { CodedError } from '~/core/coded-error';
import type { TokenClaims } from './credentials';

/** A store manager acts for their own store only: FORBIDDEN for any other. */
export function requireStoreInScope(admin: TokenClaims, storeId: string): void {
  if (admin.role === 'storeManager' && admin.storeId !== storeId) throw new CodedError('FORBIDDEN', '只能管理本门店');
}

/** The store a list is narrowed to: a store manager's own, whatever was asked; anyone else's choice. */
export function storeFilterOf(admin: TokenClaims, requested: string | undefined): string | undefined {
  return admin.role === 'storeManager' ? (admin.storeId ?? '(none)') : requested;
}
