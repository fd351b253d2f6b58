import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { tap } from '~/src/test/taro-events';
import * as couponsService from '~/src/services/coupons';
import { useCouponsStore } from '~/src/stores/coupons';
import { idle } from '~/src/stores/loadable';
import { emptyList } from '~/src/stores/paged-list';
import { myCoupon } from '~/src/test/loyalty-fixtures';
import MyCouponsPage from './index';

jest.mock('~/src/services/coupons');

const service = jest.mocked(couponsService);

beforeEach(() => {
  jest.clearAllMocks();
  useCouponsStore.setState({ centre: idle(), mine: { usable: emptyList(), used: emptyList(), expired: emptyList() }, claiming: null });
});

test('lists the usable coupons with their source and validity', async () => {
  service.listMine.mockResolvedValue({
    items: [
      myCoupon({ instanceId: 'i1', title: '满99减15' }),
      myCoupon({ instanceId: 'i2', title: '新人专享券', source: 'welcome', face: { headline: '¥10', condition: '满59元可用' } }),
    ],
    nextCursor: null,
  });
  const { container } = render(<MyCouponsPage />);

  await screen.findByText('新人专享券');
  expect(service.listMine).toHaveBeenCalledWith('usable', undefined);
  expect([...container.querySelectorAll('.coupon-title')].map((title) => title.textContent)).toEqual(['满99减15', '新人专享券']);
  expect(screen.getByText('新人礼')).not.toBeNull();
  expect(screen.getAllByText('2026.11.22 10:00 - 2026.11.28 23:59')).toHaveLength(2);
  expect(screen.getByText('可使用')).not.toBeNull();
  expect(screen.getByText('已使用')).not.toBeNull();
  expect(screen.getByText('已过期')).not.toBeNull();
});

test('an empty wallet points to the coupon centre', async () => {
  service.listMine.mockResolvedValue({ items: [], nextCursor: null });
  render(<MyCouponsPage />);

  await screen.findByText('暂无可用的优惠券');
  await waitFor(() => expect(screen.getByText('去领券')).not.toBeNull());
});

test('a usable coupon has 去使用, which opens the products it applies to', async () => {
  service.listMine.mockResolvedValue({ items: [myCoupon({ instanceId: 'welcome:m_01', title: '新人专享券' })], nextCursor: null });
  const { container } = render(<MyCouponsPage />);
  await screen.findByText('新人专享券');

  await tap(container.querySelector<HTMLElement>('.use-coupon'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupons/pages/products/index?id=welcome%3Am_01' });
});

test('a campaign coupon says why the member got it', async () => {
  service.listMine.mockResolvedValue({
    items: [
      myCoupon({ instanceId: 'campaign:c1:m_01', title: '满39减5', source: 'campaign', reason: '因为你是金卡会员' }),
      myCoupon({ instanceId: 'i2', title: '满99减15' }),
    ],
    nextCursor: null,
  });
  const { container } = render(<MyCouponsPage />);

  await screen.findByText('因为你是金卡会员');
  expect([...container.querySelectorAll('.coupon-reason')].map((line) => line.textContent)).toEqual(['因为你是金卡会员']);
});
