import { randomInt } from 'node:crypto';
import { DAY_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import type { StaffInviteView } from '~/types/functions/admin-staff';
import type { StaffRole } from '~/types/staff';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from './admin-actor';
import { loadStore } from './load-store';
import { requireStoreInScope } from '~/server/admin/store-scope';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
export const INVITE_VALID_MS = DAY_MS;

const drawCode = () => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** An admin makes a one-time code that binds whoever enters it to a store, in a role, for 24 hours. */
export async function createStaffInvite(
  ctx: RequestContext,
  input: { storeId: string; role: StaffRole },
  admin: TokenClaims,
): Promise<StaffInviteView> {
  requireStoreInScope(admin, input.storeId);
  const store = await loadStore(ctx, input.storeId);
  if (store.status !== 'open') throw new CodedError('INVALID_STATE', `门店「${store.name}」已关闭`);
  const expiresAt = ctx.now + INVITE_VALID_MS;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = drawCode();
    const doc = {
      _id: code,
      storeId: store._id,
      role: input.role,
      createdBy: admin.sub,
      createdAt: ctx.now,
      expiresAt,
      usedBy: null,
      usedAt: null,
    };
    if (!(await ctx.db.collection('staff_invites').insert(doc))) continue;
    await writeAudit(ctx, {
      _id: `audit:invite:${code}`,
      actor: adminActor(admin),
      action: 'createStaffInvite',
      target: { type: 'staffInvite', id: code },
      storeId: store._id,
      after: { storeId: store._id, role: input.role, expiresAt },
    });
    return { code, storeId: store._id, storeName: store.name, role: input.role, expiresAt };
  }
  throw new CodedError('CONFLICT', 'could not draw an invite code, please try again');
}
