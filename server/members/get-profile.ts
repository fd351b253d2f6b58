import { toMemberProfile } from '~/core/members/profile';
import type { MemberDoc } from '~/types/documents';
import type { MemberProfile } from '~/types/functions/member';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';
import { requireOpenid } from '../runtime/wx';

/** Loads the caller's member record, or fails with NOT_A_MEMBER. */
export async function loadMember(ctx: RequestContext, openid: string): Promise<MemberDoc> {
  const member = await ctx.db.collection('members').findOne({ openid });
  if (!member) throw new CodedError('NOT_A_MEMBER', 'join the membership first');
  return member;
}

/** The signed-in WeChat user's member record: UNAUTHENTICATED without a user, NOT_A_MEMBER before joining. */
export async function loadCaller(ctx: RequestContext): Promise<MemberDoc> {
  return loadMember(ctx, requireOpenid(ctx));
}

/** A member's profile, with tier names as the brand set them. */
export async function profileOf(ctx: RequestContext, member: MemberDoc): Promise<MemberProfile> {
  const { tiers } = await loadProgramme(ctx);
  return toMemberProfile(member, ctx.now, (id) => tiers.find((tier) => tier._id === id)?.name ?? id);
}

/** The caller's own profile. */
export async function getProfile(ctx: RequestContext, openid: string): Promise<MemberProfile> {
  return profileOf(ctx, await loadMember(ctx, openid));
}
