import { act, render, screen, waitFor } from '@testing-library/react';
import Taro, { useDidShow } from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as memberService from '~/src/services/member';
import { useMemberStore } from '~/src/stores/member';
import { memberProfile, memberSummary } from '~/src/test/member-profile';
import { tap } from '~/src/test/taro-events';
import MinePage from './index';

jest.mock('~/src/services/member');

const service = jest.mocked(memberService);

const find = (container: HTMLElement, selector: string) => container.querySelector<HTMLElement>(selector);

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ status: 'idle', profile: null, counts: null, staffStoreId: null, error: null, joining: false });
});

test('a member sees who they are, what waits for them and their order steps with badges', async () => {
  service.getSummary.mockResolvedValue(
    memberSummary(memberProfile({ points: { available: 1280, pending: 0 } }), {
      coupons: 3,
      awaitingPickup: 1,
      orders: { pendingPayment: 2, paid: 0, shipped: 1, refunding: 120 },
    }),
  );
  const { container } = render(<MinePage />);

  await waitFor(() => expect(find(container, '.mine-nickname')?.textContent).toBe('小悦'));
  expect(find(container, '.mine-tier')?.textContent).toBe('普通会员');
  expect(find(container, '.mine-member-no')?.textContent).toBe('会员号 8602417735');
  expect(find(container, '.mine-figure-points .mine-figure-value')?.textContent).toBe('1280');
  expect(find(container, '.mine-figure-coupons .mine-figure-value')?.textContent).toBe('3');
  expect(find(container, '.mine-figure-awaitingPickup .mine-figure-value')?.textContent).toBe('1');
  expect(find(container, '.mine-order-pendingPayment .mine-order-badge')?.textContent).toBe('2');
  expect(find(container, '.mine-order-paid .mine-order-badge')).toBeNull();
  expect(find(container, '.mine-order-refund .mine-order-badge')?.textContent).toBe('99+');
  expect(find(container, '.mine-entry-staff')).toBeNull();
});

test('each figure, order step and entry opens its page', async () => {
  service.getSummary.mockResolvedValue(memberSummary());
  const { container } = render(<MinePage />);
  await waitFor(() => expect(find(container, '.mine-nickname')).not.toBeNull());

  for (const [selector, url] of [
    ['.mine-figure-points', '/packages/points/pages/index/index'],
    ['.mine-figure-coupons', '/packages/coupons/pages/mine/index'],
    ['.mine-figure-awaitingPickup', '/packages/mall/pages/redemptions/index'],
    ['.mine-order-shipped', '/packages/orders/pages/list/index?tab=shipped'],
    ['.mine-order-refund', '/packages/orders/pages/list/index?tab=refund'],
    ['.mine-all-orders', '/packages/orders/pages/list/index'],
    ['.mine-entry-code', '/packages/member/pages/code/index'],
    ['.mine-entry-check-in', '/packages/points/pages/check-in/index'],
    ['.mine-entry-favourites', '/packages/shop/pages/favourites/index'],
    ['.mine-entry-profile', '/packages/member/pages/profile/index'],
    ['.mine-entry-address', '/packages/orders/pages/addresses/index'],
    ['.mine-tier', '/packages/member/pages/centre/index'],
  ] as const) {
    await tap(find(container, selector));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
  }
});

test('bound staff get the staff entrance', async () => {
  service.getSummary.mockResolvedValue({ ...memberSummary(), staff: { storeId: 'store-a' } });
  const { container } = render(<MinePage />);
  await waitFor(() => expect(find(container, '.mine-entry-staff')).not.toBeNull());
  await tap(find(container, '.mine-entry-staff'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/index/index' });
});

test('a guest can join from here and sees the pages that need no membership', async () => {
  service.getSummary.mockRejectedValueOnce(new CloudError('NOT_A_MEMBER', 'not a member'));
  service.getSummary.mockResolvedValue(memberSummary(memberProfile(), { coupons: 1 }));
  service.join.mockResolvedValue({ ...memberProfile(), created: true, gifts: [] });
  const { container } = render(<MinePage />);

  await screen.findByText('一键加入');
  expect(find(container, '.mine-entry-address')).not.toBeNull();
  expect(find(container, '.mine-entry-code')).toBeNull();
  expect(find(container, '.mine-order-badge')).toBeNull();

  await tap(find(container, '.mine-join'));
  await waitFor(() => expect(find(container, '.mine-figure-coupons .mine-figure-value')?.textContent).toBe('1'));
  expect(find(container, '.mine-entry-code')).not.toBeNull();
});

test('shown again, it reads the figures again', async () => {
  service.getSummary.mockResolvedValueOnce(memberSummary(memberProfile(), { coupons: 0 }));
  service.getSummary.mockResolvedValueOnce(memberSummary(memberProfile(), { coupons: 2 }));
  const { container } = render(<MinePage />);
  await waitFor(() => expect(find(container, '.mine-figure-coupons .mine-figure-value')?.textContent).toBe('0'));

  const shown = jest.mocked(useDidShow).mock.calls.map(([callback]) => callback);
  await act(async () => {
    for (const callback of shown) callback();
    for (const callback of shown) callback();
  });
  await waitFor(() => expect(find(container, '.mine-figure-coupons .mine-figure-value')?.textContent).toBe('2'));
});

test('a new member meets the welcome sheet with the gifts just received and the profile bonus still to earn', async () => {
  useMemberStore.setState({ welcome: null });
  const joined = memberProfile({ profileBonus: { points: 50, missing: ['avatar', 'birthday'] } });
  service.getSummary.mockRejectedValueOnce(new CloudError('NOT_A_MEMBER', 'not a member'));
  service.getSummary.mockResolvedValue(memberSummary(joined, { coupons: 1 }));
  service.join.mockResolvedValue({
    ...joined,
    created: true,
    gifts: [{ kind: 'coupon', title: '新人专享券', headline: '¥20', condition: '满99元可用' }],
  });
  const { container } = render(<MinePage />);
  await screen.findByText('一键加入');

  await tap(find(container, '.mine-join'));
  await screen.findByText('新人专享券');
  expect(document.querySelector('.welcome-gift')?.textContent).toContain('¥20');
  expect(document.querySelector('.welcome-bonus')?.textContent).toContain('完善资料再送 50 积分');
  // The same offer stays on 我的 after the sheet, with what is missing.
  expect(find(container, '.profile-bonus')?.textContent).toContain('完善资料送50积分');
  expect(find(container, '.profile-bonus')?.textContent).toContain('还差头像、生日');
  expect(Taro.showToast).not.toHaveBeenCalled();

  await tap(document.querySelector<HTMLElement>('.welcome-bonus'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/member/pages/profile/index' });
  expect(useMemberStore.getState().welcome).toBeNull();
});

test('a member who had joined before is welcomed back with a toast, and no sheet', async () => {
  useMemberStore.setState({ welcome: null });
  service.getSummary.mockRejectedValueOnce(new CloudError('NOT_A_MEMBER', 'not a member'));
  service.getSummary.mockResolvedValue(memberSummary());
  service.join.mockResolvedValue({ ...memberProfile(), created: false, gifts: [] });
  const { container } = render(<MinePage />);
  await screen.findByText('一键加入');

  await tap(find(container, '.mine-join'));
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '欢迎回来', icon: 'success' }));
  expect(useMemberStore.getState().welcome).toBeNull();
});
