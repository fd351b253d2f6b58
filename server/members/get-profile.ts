import { profileComplete, toMemberProfile } from '~/core/members/profile';
import type { Points } from '~/types/units';
import { profileBonusKey } from '../points/award-profile-bonus';
import { personKey } from './first-join';
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

/** A member's profile, with tier names as the brand set them and the profile bonus if it is still to be had. */
export async function profileOf(ctx: RequestContext, member: MemberDoc): Promise<MemberProfile> {
  const { tiers, programme } = await loadProgramme(ctx);
  const bonus = await openProfileBonus(ctx, member, programme.profileBonusPoints);
  return toMemberProfile(member, ctx.now, (id) => tiers.find((tier) => tier._id === id)?.name ?? id, bonus);
}

/** The profile bonus this person can still earn: none once their profile is complete or the bonus was posted (on any of their accounts). */
async function openProfileBonus(ctx: RequestContext, member: MemberDoc, points: Points): Promise<Points> {
  if (points <= 0 || profileComplete(member)) return 0;
  const given = await ctx.db.collection('ledger_entries').get(profileBonusKey(personKey(member.openid)));
  return given ? 0 : points;
}

/** The caller's own profile. */
export async function getProfile(ctx: RequestContext, openid: string): Promise<MemberProfile> {
  return profileOf(ctx, await loadMember(ctx, openid));
}
