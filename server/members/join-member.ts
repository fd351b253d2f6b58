import { randomBytes, randomInt } from 'node:crypto';
import { newMember } from '~/core/members/new-member';
import { toMemberProfile } from '~/core/members/profile';
import type { MemberDoc } from '~/types/documents';
import type { MemberResponses } from '~/types/functions/member';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';

/** Ten digits, never starting with 0, so the number reads the same everywhere it is typed. */
function newMemberNo(): string {
  return String(randomInt(1_000_000_000, 10_000_000_000));
}

/**
 * Joins the caller as a member, once per OPENID: the unique index on `openid` turns a double
 * tap or a retry into a read of the existing member.
 */
export async function joinMember(
  openid: string,
  input: { nickname?: string; avatarUrl?: string },
  ctx: RequestContext,
): Promise<MemberResponses['join']> {
  const members = ctx.db.collection<MemberDoc>('members');
  const existing = await members.findOne({ openid });
  if (existing) return { ...toMemberProfile(existing), created: false };

  // A member-number collision is possible (1 in 9e9 per pair); retry with a fresh number.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const memberNo = newMemberNo();
    const doc = newMember({ _id: `m${randomBytes(12).toString('hex')}`, openid, memberNo, ...input, now: ctx.now });
    if (await members.insert(doc)) return { ...toMemberProfile(doc), created: true };
    const raced = await members.findOne({ openid });
    if (raced) return { ...toMemberProfile(raced), created: false };
  }
  throw new AppError('CONFLICT', 'could not allocate a member number, please try again');
}
