import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useDidShow } from '@tarojs/taro';
import * as catalogService from '~/src/services/catalog';
import { CloudError } from '~/src/services/cloud';
import * as memberService from '~/src/services/member';
import { useCatalogStore } from '~/src/stores/catalog';
import { idle } from '~/src/stores/loadable';
import { useMemberStore } from '~/src/stores/member';
import { memberProfile, memberSummary } from '~/src/test/member-profile';
import { catalogHome } from '~/src/test/shop';
import { takeTabQuery } from '~/src/utils/navigate';
import '~/src/test/intersection-observer';
import IndexPage from './index';

jest.mock('~/src/services/member');
jest.mock('~/src/services/catalog');

const service = jest.mocked(memberService);
const catalog = jest.mocked(catalogService);

const profile = memberProfile();

function renderPage() {
  return render(<IndexPage />);
}

function find(container: HTMLElement, selector: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(selector);
}

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ status: 'idle', profile: null, counts: null, error: null, joining: false, justJoined: false });
  useCatalogStore.setState({ home: idle() });
  catalog.getHome.mockResolvedValue(catalogHome());
});

test('a guest sees the welcome panel with the join button', async () => {
  service.getSummary.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'not a member'));
  const { container } = renderPage();

  await screen.findByText('一键加入会员');
  expect(find(container, '.join-button')).not.toBeNull();
  expect(find(container, '.member-card')).toBeNull();
  expect(service.getSummary).toHaveBeenCalledTimes(1);
});

test('tapping join calls the service and shows the member card with points and number', async () => {
  service.getSummary.mockRejectedValueOnce(new CloudError('NOT_A_MEMBER', 'not a member'));
  // Joined, the counts are read beside the profile (the welcome coupon is one).
  service.getSummary.mockResolvedValue(memberSummary(profile, { coupons: 1 }));
  service.join.mockResolvedValue({ ...profile, created: true, gifts: [] });
  const { container } = renderPage();
  await screen.findByText('一键加入会员');

  await act(async () => {
    fireEvent.click(find(container, '.join-button')!);
  });

  await waitFor(() => expect(find(container, '.member-card')).not.toBeNull());
  expect(service.join).toHaveBeenCalledTimes(1);
  expect(find(container, '.member-points')?.textContent).toBe('120');
  expect(find(container, '.member-no')?.textContent).toBe('8602417735');
  expect(find(container, '.member-tier')?.textContent).toBe('普通会员');
  expect(find(container, '.join-button')).toBeNull();
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '加入成功' }));
  await waitFor(() => expect(find(container, '.shortcut-coupons .shortcut-value')?.textContent).toBe('1'));
  expect(find(container, '.home-hero__slogan')?.textContent).toBe('小悦，欢迎加入');
});

test('a member sees the card at once and the link opens the profile page', async () => {
  service.getSummary.mockResolvedValue(memberSummary(profile));
  const { container } = renderPage();

  await waitFor(() => expect(find(container, '.member-card')).not.toBeNull());
  expect(find(container, '.member-nickname')?.textContent).toBe('小悦');
  expect(find(container, '.join-button')).toBeNull();

  fireEvent.click(find(container, '.profile-link')!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/pages/profile/index' });
});

test('a failed load shows an error that can be retried', async () => {
  service.getSummary.mockRejectedValueOnce(new CloudError('NETWORK', 'Failed to fetch'));
  service.getSummary.mockResolvedValueOnce(memberSummary(profile));
  const { container } = renderPage();

  await screen.findByText('网络连接不太稳定，请检查网络后重试');
  await act(async () => {
    fireEvent.click(find(container, '.retry-button')!);
  });

  await waitFor(() => expect(find(container, '.member-card')).not.toBeNull());
  expect(service.getSummary).toHaveBeenCalledTimes(2);
});

test('a failed join keeps the welcome panel and says why', async () => {
  service.getSummary.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'not a member'));
  service.join.mockRejectedValue(new CloudError('INTERNAL', 'boom'));
  const { container } = renderPage();
  await screen.findByText('一键加入会员');

  await act(async () => {
    fireEvent.click(find(container, '.join-button')!);
  });

  await screen.findByText('服务开了个小差，请稍后重试');
  expect(find(container, '.join-button')).not.toBeNull();
  expect(find(container, '.member-card')).toBeNull();
  expect(Taro.showToast).not.toHaveBeenCalled();
});

test('the shop shows banners, categories and recommended products, and a member sees their coupon count', async () => {
  service.getSummary.mockResolvedValue(memberSummary(profile, { coupons: 3 }));
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelectorAll('.home-category')).toHaveLength(2));
  expect(container.querySelectorAll('.home-banner')).toHaveLength(1);
  expect(find(container, '.product-title')?.textContent).toBe('云南小粒咖啡豆');
  await waitFor(() => expect(find(container, '.shortcut-coupons .shortcut-value')?.textContent).toBe('3'));

  // 分类 is a tab: switchTab carries no query, so the category waits for the tab to take it.
  fireEvent.click(container.querySelectorAll<HTMLElement>('.home-category')[1]!);
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
  expect(takeTabQuery('/pages/category/index')).toEqual({ id: 'snacks' });
});

test('shown again (back from checking in or claiming), the card and the coupon count show the figures as they are now', async () => {
  service.getSummary.mockResolvedValueOnce(memberSummary(profile, { coupons: 0 }));
  const { container } = renderPage();
  await waitFor(() => expect(find(container, '.member-points')?.textContent).toBe('120'));
  expect(find(container, '.shortcut-coupons .shortcut-value')?.textContent).toBe('0');

  service.getSummary.mockResolvedValueOnce(memberSummary(memberProfile({ points: { available: 125, pending: 30 } }), { coupons: 1 }));
  const shown = jest.mocked(useDidShow).mock.calls.map(([callback]) => callback);
  await act(async () => {
    for (const callback of shown) callback(); // the first show
    for (const callback of shown) callback(); // shown again
  });

  await waitFor(() => expect(find(container, '.member-points')?.textContent).toBe('125'));
  expect(find(container, '.shortcut-coupons .shortcut-value')?.textContent).toBe('1');
  expect(service.getSummary).toHaveBeenCalledTimes(2);
});

test('every figure on the member card opens its page', async () => {
  service.getSummary.mockResolvedValue(memberSummary(profile));
  const { container } = renderPage();
  await waitFor(() => expect(find(container, '.member-card')).not.toBeNull());

  for (const [selector, url] of [
    ['.member-points-link', '/packages/points/pages/index/index'],
    ['.member-tier', '/packages/member/pages/centre/index'],
    ['.member-code-link', '/packages/member/pages/code/index'],
    ['.profile-link', '/packages/member/pages/profile/index'],
  ] as const) {
    fireEvent.click(find(container, selector)!);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
  }
});
