import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { ProductDetail } from '~/types/functions/catalog';
import * as catalogService from '~/src/services/catalog';
import { CloudError } from '~/src/services/cloud';
import * as memberService from '~/src/services/member';
import { useCatalogStore } from '~/src/stores/catalog';
import { useFavouritesStore } from '~/src/stores/favourites';
import { useMemberStore } from '~/src/stores/member';
import { emptyList } from '~/src/stores/paged-list';
import { useRecommendationsStore } from '~/src/stores/recommendations';
import { memberProfile, memberSummary } from '~/src/test/member-profile';
import { productCard } from '~/src/test/shop';
import '~/src/test/intersection-observer';
import ProductPage from './index';

jest.mock('~/src/services/catalog');
jest.mock('~/src/services/member');

const catalog = jest.mocked(catalogService);
const IMAGES = ['/media/products/coffee-beans.svg', '/media/banners/coffee-festival.svg', '/media/categories/coffee-tea.svg'];
const previewImage = jest.fn(() => Promise.resolve({ errMsg: 'ok' }));
Object.assign(Taro, { previewImage });

function detail(overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    ...productCard({ priceVaries: false }),
    images: IMAGES,
    description: '',
    categoryId: 'coffee-tea',
    specs: [],
    skus: [
      {
        skuId: 'coffee-beans:1',
        specValues: [],
        priceFen: 12_800,
        memberPriceFen: 12_544,
        nextTierPriceFen: null,
        stock: 10,
        pointsPerUnit: 125,
      },
    ],
    memberPrice: true,
    onShelf: true,
    favourited: false,
    tier: { id: 'silver', name: '银卡', memberPricePercent: 98 },
    nextTier: null,
    ...overrides,
  };
}

const click = async (element: Element | null) => {
  expect(element).not.toBeNull();
  await act(async () => {
    fireEvent.click(element as Element);
  });
};

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'coffee-beans' } } as never);
  useCatalogStore.setState({ products: {} });
  useFavouritesStore.setState({ list: emptyList(), busy: null });
  useRecommendationsStore.setState({ sections: {} });
  useMemberStore.setState({ status: 'member', profile: memberProfile(), joining: false });
  catalog.getProduct.mockResolvedValue(detail());
  catalog.recommend.mockResolvedValue({ items: [productCard({ id: 'mug', title: '陶瓷马克杯' })] });
});

test('swipes through every picture with a count, and a tap opens them full screen', async () => {
  const { container } = render(<ProductPage />);
  await waitFor(() => expect(container.querySelectorAll('.gallery-image')).toHaveLength(3));
  expect(container.querySelector('.gallery-indicator')?.textContent).toBe('1/3');
  await click(container.querySelectorAll('.gallery-image')[1] ?? null);
  expect(previewImage).toHaveBeenCalledWith({ current: IMAGES[1], urls: IMAGES });
});

test('a single picture shows no count', async () => {
  catalog.getProduct.mockResolvedValue(detail({ images: [IMAGES[0] as string] }));
  const { container } = render(<ProductPage />);
  await waitFor(() => expect(container.querySelectorAll('.gallery-image')).toHaveLength(1));
  expect(container.querySelector('.gallery-indicator')).toBeNull();
});

test('收藏 keeps the product and shows it kept; a second tap takes it out', async () => {
  catalog.addFavourite.mockResolvedValue({ productId: 'coffee-beans', favourited: true });
  catalog.removeFavourite.mockResolvedValue({ productId: 'coffee-beans', favourited: false });
  const { container } = render(<ProductPage />);
  await waitFor(() => expect(container.querySelector('.favourite-button')?.textContent).toContain('收藏'));
  expect(container.querySelector('.favourite-on')).toBeNull();

  await click(container.querySelector('.favourite-button'));
  await waitFor(() => expect(container.querySelector('.favourite-on')?.textContent).toContain('已收藏'));
  expect(catalog.addFavourite).toHaveBeenCalledWith('coffee-beans');

  await click(container.querySelector('.favourite-button'));
  await waitFor(() => expect(container.querySelector('.favourite-on')).toBeNull());
  expect(catalog.removeFavourite).toHaveBeenCalledWith('coffee-beans');
});

test('a guest who taps 收藏 is asked to join, and once joined the product is kept', async () => {
  useMemberStore.setState({ status: 'guest', profile: null });
  catalog.addFavourite
    .mockRejectedValueOnce(new CloudError('NOT_A_MEMBER', 'join the membership first'))
    .mockResolvedValueOnce({ productId: 'coffee-beans', favourited: true });
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' } as never);
  jest.mocked(memberService).join.mockResolvedValue({ ...memberProfile(), created: true, gifts: [] });
  jest.mocked(memberService).getSummary.mockResolvedValue(memberSummary());
  const { container } = render(<ProductPage />);
  await waitFor(() => expect(container.querySelector('.favourite-button')).not.toBeNull());

  await click(container.querySelector('.favourite-button'));
  await waitFor(() => expect(container.querySelector('.favourite-on')).not.toBeNull());
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '加入会员即可收藏' }));
  expect(memberService.join).toHaveBeenCalledTimes(1);
  expect(catalog.addFavourite).toHaveBeenCalledTimes(2);
});

test('a guest who declines to join keeps the product unkept', async () => {
  useMemberStore.setState({ status: 'guest', profile: null });
  catalog.addFavourite.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'join the membership first'));
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  const { container } = render(<ProductPage />);
  await waitFor(() => expect(container.querySelector('.favourite-button')).not.toBeNull());
  await click(container.querySelector('.favourite-button'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(memberService.join).not.toHaveBeenCalled();
  expect(catalog.addFavourite).toHaveBeenCalledTimes(1);
  expect(container.querySelector('.favourite-on')).toBeNull();
});

test('shows 猜你喜欢 for the product under its details', async () => {
  const { container } = render(<ProductPage />);
  await waitFor(() => expect(container.querySelector('.recommendations .product-title')?.textContent).toBe('陶瓷马克杯'));
  expect(catalog.recommend).toHaveBeenCalledWith(['coffee-beans'], []);
});
