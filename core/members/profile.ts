import type { MemberDoc } from '~/types/documents';
import type { MemberProfile, ProfileField } from '~/types/functions/member';
import type { Points } from '~/types/units';
import { tierName } from '../tiers/default-programme';
import { availableAt } from '../points/expiry';

/** Default nickname shown until the member sets one: 会员 and the last four digits of the number. */
export function defaultNickname(memberNo: string): string {
  return `会员${memberNo.slice(-4)}`;
}

/** What a profile still lacks for its one-time bonus: a chosen nickname, an avatar, a gender and a birthday. */
export function missingProfileFields(member: MemberDoc): ProfileField[] {
  const missing: ProfileField[] = [];
  if (member.nickname === defaultNickname(member.memberNo)) missing.push('nickname');
  if (member.avatarUrl === '') missing.push('avatar');
  if (member.gender === 'unknown') missing.push('gender');
  if (member.birthday === null) missing.push('birthday');
  return missing;
}

/** A profile is complete (and earns its one-time bonus) with a chosen nickname, avatar, gender and birthday. */
export function profileComplete(member: MemberDoc): boolean {
  return missingProfileFields(member).length === 0;
}

/** The fields a deleted account keeps: its ids and numbers for accounting, nothing that identifies the person. */
export function anonymised(member: MemberDoc, now: number): Partial<MemberDoc> {
  return {
    openid: `deleted:${member._id}`,
    nickname: '已注销会员',
    avatarUrl: '',
    gender: 'unknown',
    phone: null,
    phoneHash: null,
    birthday: null,
    consent: { marketing: false, updatedAt: now },
    status: 'deleted',
    deletedAt: now,
    updatedAt: now,
  };
}

/**
 * What a member sees of their own record at `now` (points that expired since the last posting no
 * longer count). `bonusPoints` is the profile bonus still to be had (0 once given or when none is set).
 */
export function toMemberProfile(
  doc: MemberDoc,
  now: number,
  tierNames: (id: string) => string = tierName,
  bonusPoints: Points = 0,
): MemberProfile {
  const missing = missingProfileFields(doc);
  return {
    memberId: doc._id,
    memberNo: doc.memberNo,
    nickname: doc.nickname,
    avatarUrl: doc.avatarUrl,
    gender: doc.gender,
    phone: doc.phone,
    birthday: doc.birthday,
    birthdayEditable: doc.birthday === null,
    marketingConsent: doc.consent.marketing,
    personalisedConsent: doc.consent.personalised !== false,
    tier: { id: doc.tierId, name: tierNames(doc.tierId) },
    points: { available: availableAt(doc.points, now), pending: doc.points.pending },
    joinedAt: doc.joinedAt,
    profileBonus: bonusPoints > 0 && missing.length > 0 ? { points: bonusPoints, missing } : null,
  };
}
