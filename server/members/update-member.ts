import { anonymised, profileComplete } from '~/core/members/profile';
import { birthdayMonthDay } from '~/core/schedules/birthday-schedule';
import type { MemberDoc } from '~/types/documents';
import type { MemberProfile, MemberResponses } from '~/types/functions/member';
import type { Points } from '~/types/units';
import { awardProfileBonus } from '../points/award-profile-bonus';
import type { RequestContext } from '../runtime/wx';
import { personKey } from './first-join';
import { loadMember, profileOf } from './get-profile';
import { CodedError, hasCode } from '~/core/coded-error';

/** Once the profile is complete, the one-time bonus (once per person: idempotent on `profile:<personKey>`). */
async function bonusIfComplete(ctx: RequestContext, member: MemberDoc): Promise<Points> {
  if (!profileComplete(member)) return 0;
  try {
    const posted = await awardProfileBonus(ctx, member._id, personKey(member.openid));
    return posted?.created ? posted.entry.available : 0;
  } catch (error) {
    // The person had the bonus on an earlier, deleted account: the key belongs to that member.
    if (hasCode(error, 'CONFLICT')) return 0;
    throw error;
  }
}

/** Changes the member's nickname, avatar, gender or phone. */
export async function updateProfile(
  ctx: RequestContext,
  openid: string,
  input: { nickname?: string; avatarUrl?: string; gender?: MemberDoc['gender']; phone?: string | null },
): Promise<MemberResponses['updateProfile']> {
  const member = await loadMember(ctx, openid);
  const fields = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<MemberDoc>;
  await ctx.db.collection('members').updateWhere({ _id: member._id, status: 'active' }, { ...fields, updatedAt: ctx.now });
  const updated = { ...member, ...fields };
  return { ...(await profileOf(ctx, updated)), bonusPoints: await bonusIfComplete(ctx, updated) };
}

/** Sets the birthday, once: a guarded update on `birthday: null`, so it cannot be changed by the member afterwards. */
export async function setBirthday(ctx: RequestContext, openid: string, birthday: string): Promise<MemberResponses['setBirthday']> {
  const member = await loadMember(ctx, openid);
  const set = await ctx.db
    .collection('members')
    .updateWhere(
      { _id: member._id, status: 'active', birthday: null },
      { birthday, birthdayMonthDay: birthdayMonthDay(birthday), updatedAt: ctx.now },
    );
  if (set !== 1 && member.birthday !== birthday) throw new CodedError('BIRTHDAY_LOCKED', '生日设置后不可修改，如需更正请联系客服');
  const updated = { ...member, birthday };
  return { ...(await profileOf(ctx, updated)), bonusPoints: await bonusIfComplete(ctx, updated) };
}

/** An admin corrects a member's birthday (members can set it only once). */
export async function setMemberBirthday(
  ctx: RequestContext,
  { memberId, birthday }: { memberId: string; birthday: string },
): Promise<{ memberId: string; birthday: string }> {
  const changed = await ctx.db
    .collection('members')
    .updateWhere({ _id: memberId, status: 'active' }, { birthday, birthdayMonthDay: birthdayMonthDay(birthday), updatedAt: ctx.now });
  if (changed !== 1) {
    const member = await ctx.db.collection('members').get(memberId);
    if (!member || member.status !== 'active') throw new CodedError('NOT_FOUND', '会员不存在');
  }
  return { memberId, birthday };
}

/**
 * Records the member's choice about marketing messages. A consent puts the member (back) in the
 * comeback coupon's sweep, which left them out while they had none.
 */
export async function setConsent(ctx: RequestContext, openid: string, marketing: boolean): Promise<MemberProfile> {
  const member = await loadMember(ctx, openid);
  const consent = { marketing, updatedAt: ctx.now };
  const comeback = marketing && member.comebackDueAt == null ? { comebackDueAt: ctx.now } : {};
  await ctx.db.collection('members').updateWhere({ _id: member._id }, { consent, ...comeback, updatedAt: ctx.now });
  return profileOf(ctx, { ...member, consent });
}

/**
 * Deletes the account: the profile is anonymised and the OPENID released (so the person may
 * join again as a new member), while ledger entries, orders and redemptions stay for accounting.
 */
export async function deleteAccount(ctx: RequestContext, openid: string): Promise<{ deleted: true }> {
  const member = await loadMember(ctx, openid);
  // The timer jobs' dates go too, so the sweeps no longer read the account.
  const unscheduled = { birthdayMonthDay: null, tierReviewAt: null, tierNotice: null, comebackDueAt: null };
  await ctx.db.collection('members').updateWhere({ _id: member._id, status: 'active' }, { ...anonymised(member, ctx.now), ...unscheduled });
  return { deleted: true };
}
