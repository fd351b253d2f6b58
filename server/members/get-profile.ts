import { toMemberProfile } from '~/core/members/profile';
import type { MemberDoc } from '~/types/documents';
import type { MemberProfile } from '~/types/functions/member';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';

/** Loads the caller's member record, or fails with NOT_A_MEMBER. */
export async function loadMember(openid: string, ctx: RequestContext): Promise<MemberDoc> {
  const member = await ctx.db.collection<MemberDoc>('members').findOne({ openid });
  if (!member) throw new AppError('NOT_A_MEMBER', 'join the membership first');
  return member;
}

/** The caller's own profile. */
export async function getProfile(openid: string, ctx: RequestContext): Promise<MemberProfile> {
  return toMemberProfile(await loadMember(openid, ctx));
}
