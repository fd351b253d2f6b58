import type { AdminResponses } from '~/types/functions/admin';
import { installDefaults } from '../programme/install-defaults';
import type { RequestContext } from '../runtime/wx';
import { hashPassword } from './credentials';
import { CodedError } from '~/core/coded-error';

export const FIRST_ADMIN = 'admin';

/**
 * Sets a new environment up, once: installs the default programme and creates the first admin
 * account with the password set on the admin function as ADMIN_INITIAL_PASSWORD (never from the
 * payload). Fixed `_id`s make a second call, or a race of two, a no-op.
 */
export async function bootstrapAdmin(ctx: RequestContext): Promise<AdminResponses['bootstrapAdmin']> {
  await installDefaults(ctx);
  const admins = ctx.db.collection('admins');
  if (await admins.get(FIRST_ADMIN)) return { created: false, username: FIRST_ADMIN };
  const password = process.env.ADMIN_INITIAL_PASSWORD;
  if (!password || password.length < 8) {
    throw new CodedError('BOOTSTRAP_NOT_CONFIGURED', 'set ADMIN_INITIAL_PASSWORD (8 characters or more) on the admin function');
  }
  const created = await admins.insert({
    _id: FIRST_ADMIN,
    role: 'owner',
    storeId: null,
    status: 'active',
    // The first password was chosen by whoever deployed, not handed out: no change is forced.
    mustChangePassword: false,
    createdBy: null,
    passwordHash: await hashPassword(password),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return { created, username: FIRST_ADMIN };
}
