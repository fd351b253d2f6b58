import type { MemberDoc } from '~/types/documents';
import { newMember } from './new-member';
import { defaultNickname, toMemberProfile } from './profile';

describe('member profile', () => {
  const doc: MemberDoc = {
    ...newMember({ _id: 'm1', openid: 'o-secret', memberNo: '1234567890', nickname: '小明', now: 1_700_000_000_000 }),
    tierId: 'gold',
    points: { available: 120, pending: 30, lifetimeEarned: 500, buckets: [] },
  };

  it('shows the tier name and never the openid', () => {
    const profile = toMemberProfile(doc, Date.UTC(2026, 10, 22));
    expect(profile.tier).toEqual({ id: 'gold', name: '金卡会员' });
    expect(JSON.stringify(profile)).not.toContain('o-secret');
    expect(profile.points).toEqual({ available: 120, pending: 30 });
  });

  it('names a new member after the last four digits of the member number', () => {
    expect(defaultNickname('1234567890')).toBe('会员7890');
  });
});
