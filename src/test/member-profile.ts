import type { MemberCounts, MemberProfile, MemberSummary } from '~/types/functions/member';

/** A member profile for component and service tests; override what a test is about. */
export function memberProfile(overrides: Partial<MemberProfile> = {}): MemberProfile {
  return {
    memberId: 'm_01',
    memberNo: '8602417735',
    nickname: '小悦',
    avatarUrl: '',
    gender: 'unknown',
    phone: null,
    birthday: null,
    birthdayEditable: true,
    marketingConsent: false,
    personalisedConsent: true,
    tier: { id: 'normal', name: '普通会员' },
    points: { available: 120, pending: 30 },
    joinedAt: Date.UTC(2025, 10, 21, 16, 30),
    profileBonus: null,
    ...overrides,
  };
}

/** A summary around a profile: nothing waiting unless a test says so. */
export function memberSummary(profile: MemberProfile = memberProfile(), counts: Partial<MemberCounts> = {}): MemberSummary {
  return {
    profile,
    counts: { coupons: 0, awaitingPickup: 0, orders: { pendingPayment: 0, paid: 0, shipped: 0, refunding: 0 }, ...counts },
    staff: null,
  };
}
