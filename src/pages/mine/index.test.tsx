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
    ['.mine-entry-profile', '/packages/member/pages/profile/index'],
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
  service.join.mockResolvedValue({ ...memberProfile(), created: true });
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
