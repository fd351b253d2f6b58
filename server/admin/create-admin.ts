import { CodedError } from '~/core/coded-error';
import type { AdminDoc, AdminRole } from '~/types/documents';
import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { loadStore } from '../staff/load-store';
import { toAccountRow } from './account-views';
import type { TokenClaims } from './credentials';
import { hashPassword, oneTimePassword } from './credentials';

/** The store a role is held to: a `storeManager` needs an existing store, every other role has none. */
export async function storeOfRole(ctx: RequestContext, role: AdminRole, storeId: string | undefined): Promise<string | null> {
  if (role !== 'storeManager') return null;
  if (!storeId) throw new CodedError('VALIDATION_FAILED', 'storeId: 门店经理需要指定门店', { field: 'storeId' });
  return (await loadStore(ctx, storeId))._id;
}

/**
 * An owner creates an account with a one-time password, answered once and stored only as its
 * hash; the account must change it at first sign-in. A taken username is CONFLICT.
 */
export async function createAdmin(
  ctx: RequestContext,
  input: { username: string; role: AdminRole; storeId?: string },
  owner: TokenClaims,
): Promise<AdminAccountsResponses['createAdmin']> {
  const storeId = await storeOfRole(ctx, input.role, input.storeId);
  const password = oneTimePassword();
  const admin: AdminDoc = {
    _id: input.username,
    role: input.role,
    storeId,
    status: 'active',
    mustChangePassword: true,
    createdBy: owner.sub,
    passwordHash: await hashPassword(password),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const created = await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('admins').doc(admin._id);
    if ((await ref.get()).data) return { value: false, audit: null };
    const { _id, ...fields } = admin;
    await ref.set({ data: fields });
    const audit = { actor: adminActor(owner), action: 'createAdmin', target: { type: 'admin', id: _id } };
    return { value: true, audit: { ...audit, after: { role: admin.role, storeId, status: 'active' } } };
  });
  if (!created) throw new CodedError('CONFLICT', `账号 ${input.username} 已存在`);
  return { ...toAccountRow(admin), oneTimePassword: password };
}
