import { render, waitFor } from '@testing-library/react';
import * as catalogService from '~/src/services/catalog';
import { CloudError } from '~/src/services/cloud';
import { useRecommendationsStore } from '~/src/stores/recommendations';
import { productCard } from '~/src/test/shop';
import '~/src/test/intersection-observer';
import { Recommendations } from './index';

jest.mock('~/src/services/catalog');

const catalog = jest.mocked(catalogService);
const titles = (container: HTMLElement) => [...container.querySelectorAll('.recommendations .product-title')].map((el) => el.textContent);

beforeEach(() => {
  jest.clearAllMocks();
  useRecommendationsStore.setState({ sections: {} });
});

test('shows 猜你喜欢 with the products bought together, asked once for the same products', async () => {
  catalog.recommend.mockResolvedValue({
    items: [productCard({ id: 'mug', title: '陶瓷马克杯' }), productCard({ id: 'cold-brew', title: '冷萃咖啡液', soldOut: false })],
  });
  const { container, rerender } = render(<Recommendations productIds={['coffee-beans']} exclude={['tee']} />);
  await waitFor(() => expect(titles(container)).toEqual(['陶瓷马克杯', '冷萃咖啡液']));
  expect(container.querySelector('.recommendations__title')?.textContent).toBe('猜你喜欢');
  rerender(<Recommendations productIds={['coffee-beans']} exclude={['tee']} />);
  expect(catalog.recommend).toHaveBeenCalledTimes(1);
  expect(catalog.recommend).toHaveBeenCalledWith(['coffee-beans'], ['tee']);
});

test('without products to follow asks for the best sellers', async () => {
  catalog.recommend.mockResolvedValue({ items: [productCard({ id: 'cable', title: '编织数据线' })] });
  const { container } = render(<Recommendations />);
  await waitFor(() => expect(titles(container)).toEqual(['编织数据线']));
  expect(catalog.recommend).toHaveBeenCalledWith([], []);
});

test('shows nothing when there is nothing to suggest or the suggestions cannot load', async () => {
  catalog.recommend.mockResolvedValueOnce({ items: [] });
  const empty = render(<Recommendations productIds={['a']} />);
  await waitFor(() => expect(catalog.recommend).toHaveBeenCalledTimes(1));
  expect(empty.container.querySelector('.recommendations')).toBeNull();

  catalog.recommend.mockRejectedValueOnce(new CloudError('NETWORK', 'offline'));
  const failing = render(<Recommendations productIds={['b']} />);
  await waitFor(() => expect(useRecommendationsStore.getState().sections['[["b"],[]]']?.status).toBe('error'));
  expect(failing.container.querySelector('.recommendations')).toBeNull();
  expect(failing.container.textContent).toBe('');
});
