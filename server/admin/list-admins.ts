import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import type { RequestContext } from '../runtime/wx';
import { toAccountRow } from './account-views';

/** Every admin account, oldest first (a brand has a handful). */
export async function listAdmins(ctx: RequestContext): Promise<AdminAccountsResponses['listAdmins']> {
  const admins = await ctx.db.collection('admins').find({}, { orderBy: [['createdAt', 'asc']], limit: 200 });
  return { items: admins.map(toAccountRow) };
}
