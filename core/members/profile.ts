import type { MemberDoc } from '~/types/documents';
import type { MemberProfile } from '~/types/functions/member';
import { tierName } from '../tiers/default-programme';

/** Default nickname shown until the member sets one: 会员 and the last four digits of the number. */
export function defaultNickname(memberNo: string): string {
  return `会员${memberNo.slice(-4)}`;
}

/** What a member sees of their own record. */
export function toMemberProfile(doc: MemberDoc): MemberProfile {
  return {
    memberId: doc._id,
    memberNo: doc.memberNo,
    nickname: doc.nickname,
    avatarUrl: doc.avatarUrl,
    tier: { id: doc.tierId, name: tierName(doc.tierId) },
    points: { available: doc.points.available, pending: doc.points.pending },
    joinedAt: doc.joinedAt,
  };
}
