import { CodedError } from '~/core/coded-error';
import type { AdminDoc } from '~/types/documents';
import type { RequestContext } from '../runtime/wx';

/** An admin account by username, or NOT_FOUND. */
export async function loadAccount(ctx: RequestContext, username: string): Promise<AdminDoc> {
  const admin = await ctx.db.collection('admins').get(username);
  if (!admin) throw new CodedError('NOT_FOUND', `没有账号 ${username}`);
  return admin;
}

/** Refuses an owner changing their own account in a way that could leave the brand without an owner. */
export function notSelf(owner: string, username: string, what: string): void {
  if (owner === username) throw new CodedError('FORBIDDEN', `不能${what}自己的账号`);
}
