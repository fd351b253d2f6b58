import type { AdminDoc } from '~/types/documents';
import type { AdminResponses } from '~/types/functions/admin';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';
import { hashPassword } from './credentials';

export const FIRST_ADMIN = 'admin';

/**
 * Creates the first admin account, once, with the password set on the admin function as
 * ADMIN_INITIAL_PASSWORD (never from the payload). The fixed `_id` makes a second call, or a
 * race of two, a no-op.
 */
export async function bootstrapAdmin(ctx: RequestContext): Promise<AdminResponses['bootstrapAdmin']> {
  const admins = ctx.db.collection<AdminDoc>('admins');
  if (await admins.get(FIRST_ADMIN)) return { created: false, username: FIRST_ADMIN };
  const password = process.env.ADMIN_INITIAL_PASSWORD;
  if (!password || password.length < 8) {
    throw new AppError('BOOTSTRAP_NOT_CONFIGURED', 'set ADMIN_INITIAL_PASSWORD (8 characters or more) on the admin function');
  }
  const created = await admins.insert({
    _id: FIRST_ADMIN,
    role: 'owner',
    passwordHash: await hashPassword(password),
    createdAt: ctx.now,
  });
  return { created, username: FIRST_ADMIN };
}
