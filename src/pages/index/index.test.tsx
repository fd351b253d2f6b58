import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as catalogService from '~/src/services/catalog';
import { CloudError } from '~/src/services/cloud';
import * as couponsService from '~/src/services/coupons';
import * as memberService from '~/src/services/member';
import { useCatalogStore } from '~/src/stores/catalog';
import { idle } from '~/src/stores/loadable';
import { useMemberStore } from '~/src/stores/member';
import { memberProfile } from '~/src/test/member-profile';
import { catalogHome } from '~/src/test/shop';
import '~/src/test/intersection-observer';
import IndexPage from './index';

jest.mock('~/src/services/member');
jest.mock('~/src/services/catalog');
jest.mock('~/src/services/coupons');

const service = jest.mocked(memberService);
const catalog = jest.mocked(catalogService);
const coupons = jest.mocked(couponsService);

const profile = memberProfile();

function renderPage() {
  return render(<IndexPage />);
}

function find(container: HTMLElement, selector: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(selector);
}

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ status: 'idle', profile: null, error: null, joining: false, justJoined: false });
  useCatalogStore.setState({ home: idle(), couponCount: idle() });
  catalog.getHome.mockResolvedValue(catalogHome());
  coupons.listMine.mockResolvedValue({ items: [], nextCursor: null });
});

test('a guest sees the welcome panel with the join button', async () => {
  service.getProfile.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'not a member'));
  const { container } = renderPage();

  await screen.findByText('一键加入会员');
  expect(find(container, '.join-button')).not.toBeNull();
  expect(find(container, '.member-card')).toBeNull();
  expect(service.getProfile).toHaveBeenCalledTimes(1);
});

test('tapping join calls the service and shows the member card with points and number', async () => {
  service.getProfile.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'not a member'));
  service.join.mockResolvedValue({ ...profile, created: true });
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
});

test('a member sees the card at once and the link opens the profile page', async () => {
  service.getProfile.mockResolvedValue(profile);
  const { container } = renderPage();

  await waitFor(() => expect(find(container, '.member-card')).not.toBeNull());
  expect(find(container, '.member-nickname')?.textContent).toBe('小悦');
  expect(find(container, '.join-button')).toBeNull();

  fireEvent.click(find(container, '.profile-link')!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/pages/profile/index' });
});

test('a failed load shows an error that can be retried', async () => {
  service.getProfile.mockRejectedValueOnce(new CloudError('NETWORK', 'Failed to fetch'));
  service.getProfile.mockResolvedValueOnce(profile);
  const { container } = renderPage();

  await screen.findByText('网络连接不太稳定，请检查网络后重试');
  await act(async () => {
    fireEvent.click(find(container, '.retry-button')!);
  });

  await waitFor(() => expect(find(container, '.member-card')).not.toBeNull());
  expect(service.getProfile).toHaveBeenCalledTimes(2);
});

test('a failed join keeps the welcome panel and says why', async () => {
  service.getProfile.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'not a member'));
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
  service.getProfile.mockResolvedValue(profile);
  coupons.listMine.mockResolvedValue({ items: new Array(3).fill(null), nextCursor: null } as unknown as Awaited<
    ReturnType<typeof couponsService.listMine>
  >);
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelectorAll('.home-category')).toHaveLength(2));
  expect(container.querySelectorAll('.home-banner')).toHaveLength(1);
  expect(find(container, '.product-title')?.textContent).toBe('云南小粒咖啡豆');
  await waitFor(() => expect(find(container, '.shortcut-coupons .shortcut-value')?.textContent).toBe('3'));
  expect(coupons.listMine).toHaveBeenCalledWith('usable', undefined, 50);

  fireEvent.click(container.querySelectorAll<HTMLElement>('.home-category')[1]!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/category/index?id=snacks' });
});
