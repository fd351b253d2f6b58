import type { MemberDoc } from '~/types/documents';
import type { MemberProfile } from '~/types/functions/member';
import { tierName } from '../tiers/default-programme';
import { availableAt } from '../points/expiry';

/** Default nickname shown until the member sets one: 会员 and the last four digits of the number. */
export function defaultNickname(memberNo: string): string {
  return `会员${memberNo.slice(-4)}`;
}

/** A profile is complete (and earns its one-time bonus) with a chosen nickname, avatar, gender and birthday. */
export function profileComplete(member: MemberDoc): boolean {
  return (
    member.nickname !== defaultNickname(member.memberNo) &&
    member.avatarUrl !== '' &&
    member.gender !== 'unknown' &&
    member.birthday !== null
  );
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

/** What a member sees of their own record at `now` (points that expired since the last posting no longer count). */
export function toMemberProfile(doc: MemberDoc, now: number, tierNames: (id: string) => string = tierName): MemberProfile {
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
    tier: { id: doc.tierId, name: tierNames(doc.tierId) },
    points: { available: availableAt(doc.points, now), pending: doc.points.pending },
    joinedAt: doc.joinedAt,
  };
}
