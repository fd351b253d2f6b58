import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { MemberProfileView } from '~/types/functions/marketing-profiles';
import type { MemberProfileDoc } from '~/types/marketing';
import { TEST_TOKEN, pageClient, renderSignedIn } from '../../test/mock-client';
import { MemberProfilePanel } from './member-profile-panel';

jest.setTimeout(60_000);

const AT = Date.UTC(2026, 11, 7, 2);

const profile: MemberProfileDoc = {
  _id: 'm1',
  memberNo: '4100000101',
  refreshedDay: '2026-12-07',
  refreshedAt: AT,
  gender: 'female',
  ageBand: '30-34',
  province: '浙江省',
  city: '杭州市',
  joinedAt: AT - 400 * 86_400_000,
  birthdayMonth: 3,
  tierId: 'gold',
  marketing: true,
  personalised: true,
  rfm: { r: 5, f: 4, m: 3 },
  rfmCode: 543,
  lastPurchaseAt: AT - 2 * 86_400_000,
  purchases: 4,
  spendFen: 15_000,
  averageOrderFen: 3_750,
  spend30Fen: 9_000,
  spend90Fen: 13_000,
  spend365Fen: 15_000,
  onlineFen: 11_000,
  storeFen: 4_000,
  homeStoreId: 'store-1',
  preferredCategoryIds: ['tea'],
  checkInStreak: 4,
  checkIns30: 2,
  couponUseRate: 50,
  redemptions: 1,
  shares: 3,
  stage: 'wonBack',
  stageSince: AT - 5 * 86_400_000,
  stageHistory: [
    { stage: 'churned', at: AT - 100 * 86_400_000 },
    { stage: 'wonBack', at: AT - 5 * 86_400_000 },
  ],
  special: { skin: '干性' },
};

const view: MemberProfileView = {
  memberId: 'm1',
  profile,
  activeMembers: 120,
  rfmShares: { r: [20, 20, 20, 20, 20], f: [30, 25, 20, 15.5, 9.5], m: [10, 20, 30, 20, 20] },
  preferredCategories: [{ id: 'tea', name: '茶叶' }],
  valueByMonth: Array.from({ length: 12 }, (_, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    onlineFen: i === 11 ? 6_000 : 0,
    storeFen: 0,
  })),
};

describe('MemberProfilePanel', () => {
  it('loads the profile when opened and shows tags, RFM standing, value by month, and stage history (special tags have their own section)', async () => {
    const getMemberProfile = jest.fn(async () => view);
    const { client, call } = pageClient({ getMemberProfile });
    renderSignedIn(<MemberProfilePanel memberId="m1" />, client);

    expect(getMemberProfile).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByText('会员画像'));
    expect(await screen.findByText('回流')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('getMemberProfile', { token: TEST_TOKEN, memberId: 'm1' }, expect.anything());
    expect(screen.getByText('浙江省 杭州市')).toBeTruthy();
    expect(screen.getByText('茶叶')).toBeTruthy();
    expect(screen.getByText('线上 73% · 门店 27%')).toBeTruthy();
    const rfm = document.querySelector('.member-rfm-table') as HTMLElement;
    expect(rfm.textContent).toContain('15.5%');
    expect(screen.getByText('543')).toBeTruthy();
    expect(document.querySelector('.member-stage-history')?.textContent).toContain('流失');
    await waitFor(() => expect(document.querySelector('.member-value-chart [data-chart="Column"]')?.getAttribute('data-rows')).toBe('24'));
    expect(document.body.textContent).not.toContain('138');
  });

  it('says so when the member has no profile yet, and is not offered to a store manager', async () => {
    const { client } = pageClient({ getMemberProfile: async () => ({ ...view, profile: null }) });
    const { unmount } = renderSignedIn(<MemberProfilePanel memberId="m1" />, client);
    fireEvent.click(await screen.findByText('会员画像'));
    expect(await screen.findByText('画像尚未生成，每日刷新后可见')).toBeTruthy();
    unmount();
    renderSignedIn(<MemberProfilePanel memberId="m1" />, client, { role: 'storeManager' });
    expect(screen.queryByText('会员画像')).toBeNull();
  });
});
