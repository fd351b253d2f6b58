import type { MemberDoc } from '~/types/documents';
import type { EpochMs } from '~/types/units';
import { ENTRY_TIER_ID } from '../tiers/default-programme';
import { reversedMemberNo } from './member-search';
import { defaultNickname } from './profile';

/** A new member record with every field at its starting value. */
export function newMember(fields: {
  _id: string;
  openid: string;
  memberNo: string;
  nickname?: string;
  avatarUrl?: string;
  now: EpochMs;
}): MemberDoc {
  return {
    _id: fields._id,
    openid: fields.openid,
    memberNo: fields.memberNo,
    memberNoReversed: reversedMemberNo(fields.memberNo),
    nickname: fields.nickname ?? defaultNickname(fields.memberNo),
    avatarUrl: fields.avatarUrl ?? '',
    gender: 'unknown',
    phone: null,
    phoneHash: null,
    birthday: null,
    consent: { marketing: false, updatedAt: null },
    tierId: ENTRY_TIER_ID,
    tierSince: fields.now,
    points: { available: 0, pending: 0, lifetimeEarned: 0, buckets: [] },
    checkIn: { lastDay: null, streak: 0 },
    status: 'active',
    joinedAt: fields.now,
    updatedAt: fields.now,
    deletedAt: null,
  };
}
