import { render, screen, waitFor } from '@testing-library/react';
import { useRouter } from '@tarojs/taro';
import * as catalogService from '~/src/services/catalog';
import * as couponsService from '~/src/services/coupons';
import { useCartStore } from '~/src/stores/cart';
import { useCatalogStore } from '~/src/stores/catalog';
import { myCoupon } from '~/src/test/loyalty-fixtures';
import { productCard } from '~/src/test/shop';
import CouponProductsPage from './index';

jest.mock('~/src/services/coupons');
jest.mock('~/src/services/catalog');

const coupons = jest.mocked(couponsService);
const catalog = jest.mocked(catalogService);

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'welcome:m_01' } } as never);
  useCatalogStore.setState({ lists: {} });
  catalog.listProducts.mockResolvedValue({ items: [productCard({ id: 'beans', title: '云南咖啡豆' })], nextCursor: null });
});

const line = (memberPriceFen: number) => ({
  skuId: 'beans:1',
  productId: 'beans',
  title: '云南咖啡豆',
  specText: '500g',
  imageUrl: '',
  quantity: 1,
  selected: true,
  priceFen: memberPriceFen,
  memberPriceFen,
  addedAt: 0,
});

test('shows the coupon, how much more the cart needs for it, and the products it applies to', async () => {
  useCartStore.setState({ lines: [line(6_000)], checks: {} });
  coupons.getMine.mockResolvedValue(myCoupon({ instanceId: 'welcome:m_01', title: '新人专享券' }));
  const { container } = render(<CouponProductsPage />);

  await screen.findByText('新人专享券');
  expect(coupons.getMine).toHaveBeenCalledWith('welcome:m_01');
  expect(container.querySelector('.coupon-progress')?.textContent).toBe('购物车已选¥60，再买¥39可用');
  await screen.findByText('云南咖啡豆');
  expect(catalog.listProducts).toHaveBeenCalledWith({ sort: 'sales' }, undefined);
});

test('a campaign coupon shows why the member got it, as in the wallet; other coupons show no reason line', async () => {
  useCartStore.setState({ lines: [], checks: {} });
  coupons.getMine.mockResolvedValue(
    myCoupon({ instanceId: 'campaign:c1:m_01', title: '满39减5', source: 'campaign', reason: '因为你是金卡会员' }),
  );
  const { container, unmount } = render(<CouponProductsPage />);
  await screen.findByText('因为你是金卡会员');
  expect([...container.querySelectorAll('.coupon-banner .coupon-reason')].map((node) => node.textContent)).toEqual(['因为你是金卡会员']);
  unmount();

  coupons.getMine.mockResolvedValue(myCoupon({ instanceId: 'welcome:m_01', title: '新人专享券' }));
  const other = render(<CouponProductsPage />);
  await screen.findByText('新人专享券');
  expect(other.container.querySelector('.coupon-reason')).toBeNull();
});

test('a cart already over the threshold is told the coupon applies', async () => {
  useCartStore.setState({ lines: [line(12_000)], checks: {} });
  coupons.getMine.mockResolvedValue(myCoupon({ instanceId: 'welcome:m_01', title: '新人专享券' }));
  const { container } = render(<CouponProductsPage />);
  await waitFor(() => expect(container.querySelector('.coupon-progress')?.textContent).toBe('购物车已选¥120，已满足使用条件'));
});
