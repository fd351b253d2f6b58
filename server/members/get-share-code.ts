import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../runtime/wx';
import { loadMember } from './get-profile';

/** 9 random bytes are 12 base64url characters: a code nobody can guess from a member's id, number or phone. */
const newShareCode = () => randomBytes(9).toString('base64url');

/**
 * The caller's share code, made the first time they share. The member id is the document's
 * `_id`, so two first shares at once both answer the one code that was stored.
 */
export async function getShareCode(ctx: RequestContext, openid: string): Promise<{ code: string }> {
  const member = await loadMember(ctx, openid);
  const codes = ctx.db.collection('share_codes');
  const existing = await codes.get(member._id);
  if (existing) return { code: existing.code };
  const code = newShareCode();
  if (await codes.insert({ _id: member._id, code, createdAt: ctx.now })) return { code };
  const stored = await codes.get(member._id);
  if (!stored) throw new Error(`share code of ${member._id} neither inserted nor found`);
  return { code: stored.code };
}
