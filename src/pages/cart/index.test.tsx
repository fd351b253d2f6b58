import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CartItemCheck } from '~/types/functions/catalog';
import * as catalogService from '~/src/services/catalog';
import { CloudError } from '~/src/services/cloud';
import type { CartLine } from '~/src/stores/cart';
import { CART_STORAGE_KEY, useCartStore } from '~/src/stores/cart';
import { useCheckoutStore } from '~/src/stores/checkout';
import '~/src/test/intersection-observer';
import { tap } from '~/src/test/taro-events';
import CartPage from './index';

jest.mock('~/src/services/catalog');
jest.mock('~/src/services/orders');

const catalog = jest.mocked(catalogService);

function line(skuId: string, fields: Partial<CartLine> = {}): CartLine {
  return {
    skuId,
    productId: skuId.split(':')[0] as string,
    title: skuId,
    specText: '',
    imageUrl: `/media/products/${skuId}.svg`,
    quantity: 1,
    selected: true,
    priceFen: 10_000,
    memberPriceFen: 9_800,
    addedAt: 1,
    ...fields,
  };
}

function check(item: CartLine, fields: Partial<CartItemCheck>): CartItemCheck {
  return {
    skuId: item.skuId,
    quantity: item.quantity,
    state: 'ok',
    message: null,
    productId: item.productId,
    title: item.title,
    specText: item.specText,
    imageUrl: item.imageUrl,
    priceFen: item.priceFen,
    memberPriceFen: item.memberPriceFen,
    stock: 50,
    ...fields,
  };
}

const beans = line('beans:1', { title: '咖啡豆', quantity: 2 });
const mug = line('mug:1', { title: '马克杯', priceFen: 5_800, memberPriceFen: 5_684 });
const tee = line('tee:3', { title: 'T恤', quantity: 5, priceFen: 8_900, memberPriceFen: 8_722 });
const candle = line('candle:1', { title: '香薰蜡烛' });
const mooncake = line('mooncake:1', { title: '奶黄月饼' });

function messageOf(container: HTMLElement, title: string): string | null | undefined {
  const row = [...container.querySelectorAll('.cart-line')].find((el) => el.querySelector('.line-title')?.textContent === title);
  return row?.querySelector('.line-message')?.textContent;
}

/** A shop that ships free and a member with no threshold coupons: nothing to prompt. */
const NO_TERMS = { shipping: { feeFen: 0, freeThresholdFen: null }, coupons: [] };

beforeEach(() => {
  jest.clearAllMocks();
  useCartStore.setState({ lines: [beans, mug, tee, candle, mooncake], checks: {}, checkStatus: 'idle', checkError: null });
  useCheckoutStore.setState({ items: [] });
});

test('checks the cart when it opens and says, line by line, what changed', async () => {
  catalog.checkCart.mockResolvedValue({
    items: [
      check(beans, {}),
      check(mug, { memberPriceFen: 5_390, priceFen: 5_500 }),
      check(tee, { state: 'insufficientStock', message: '库存不足，仅剩3件', stock: 3 }),
      check(candle, { state: 'soldOut', message: '已售罄', stock: 0 }),
      check(mooncake, { state: 'offShelf', message: '商品已下架' }),
    ],
    ...NO_TERMS,
  });
  const { container } = render(<CartPage />);

  await waitFor(() => expect(container.querySelector('.cart-check-summary')).not.toBeNull());
  expect(catalog.checkCart).toHaveBeenCalledWith([
    { skuId: 'beans:1', quantity: 2 },
    { skuId: 'mug:1', quantity: 1 },
    { skuId: 'tee:3', quantity: 5 },
    { skuId: 'candle:1', quantity: 1 },
    { skuId: 'mooncake:1', quantity: 1 },
  ]);
  expect(container.querySelector('.cart-check-summary')?.textContent).toBe('有 4 件商品发生变化，请留意下方提示');
  expect(messageOf(container, '咖啡豆')).toBeUndefined();
  expect(messageOf(container, '马克杯')).toBe('价格已下调：¥56.84 → ¥53.90');
  expect(messageOf(container, 'T恤')).toBe('库存不足，仅剩3件');
  expect(messageOf(container, '香薰蜡烛')).toBe('已售罄');
  expect(messageOf(container, '奶黄月饼')).toBe('商品已下架');

  // Gone lines move to their own group, unselected; the estimate counts only what can be bought now.
  const gone = container.querySelector('.cart-group--gone');
  expect([...gone!.querySelectorAll('.line-title')].map((el) => el.textContent)).toEqual(['香薰蜡烛', '奶黄月饼']);
  expect(container.querySelector('.cart-estimate')?.textContent).toBe('¥249.90');
  expect(container.querySelector('.checkout-button')?.textContent).toBe('结算(3)');
  expect(container.querySelector('.cart-bar__hint')?.textContent).toContain('实付以结算页为准');
});

test('lowering a short line to the stock makes it buyable again, and checkout takes the buyable lines', async () => {
  catalog.checkCart.mockResolvedValue({
    items: [
      check(beans, {}),
      check(mug, {}),
      check(tee, { state: 'insufficientStock', message: '库存不足，仅剩3件', stock: 3 }),
      check(candle, { state: 'soldOut', message: '已售罄', stock: 0 }),
      check(mooncake, {}),
    ],
    ...NO_TERMS,
  });
  const { container } = render(<CartPage />);
  await waitFor(() => expect(container.querySelector('.cart-check-summary')).not.toBeNull());

  const teeRow = [...container.querySelectorAll<HTMLElement>('.cart-line')].find(
    (el) => el.querySelector('.line-title')?.textContent === 'T恤',
  )!;
  for (const _tap of [1, 2]) {
    await act(async () => {
      fireEvent.click(teeRow.querySelector('.quantity-minus')!);
    });
  }
  expect(teeRow.querySelector('.quantity-value')?.textContent).toBe('3');
  expect(container.querySelector('.checkout-button')?.textContent).toBe('结算(7)');

  fireEvent.click(container.querySelector('.checkout-button')!);
  expect(useCheckoutStore.getState().items).toEqual([
    { skuId: 'beans:1', quantity: 2 },
    { skuId: 'mug:1', quantity: 1 },
    { skuId: 'tee:3', quantity: 3 },
    { skuId: 'mooncake:1', quantity: 1 },
  ]);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/orders/pages/checkout/index' });
  expect(Taro.setStorageSync).toHaveBeenCalledWith(CART_STORAGE_KEY, expect.stringContaining('"quantity":3'));
});

test('a failed check keeps the cart usable and offers a retry', async () => {
  catalog.checkCart.mockRejectedValueOnce(new CloudError('NETWORK', 'Failed to fetch'));
  catalog.checkCart.mockResolvedValueOnce({ items: [beans, mug, tee, candle, mooncake].map((item) => check(item, {})), ...NO_TERMS });
  const { container } = render(<CartPage />);

  await waitFor(() => expect(container.querySelector('.cart-check-error')).not.toBeNull());
  expect(container.querySelector('.cart-check-error')?.textContent).toContain('网络连接不太稳定');
  expect(container.querySelectorAll('.cart-line')).toHaveLength(5);

  await act(async () => {
    fireEvent.click(container.querySelector('.cart-check-error')!);
  });
  await waitFor(() => expect(container.querySelector('.cart-check-summary')?.textContent).toBe('价格与库存已是最新'));
});

test('an empty cart invites the shopper to browse', () => {
  useCartStore.setState({ lines: [] });
  const { getByText } = render(<CartPage />);

  fireEvent.click(getByText('去逛逛'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
});

test('says what shipping costs and what a little more would unlock, with a way to add more', async () => {
  const small = line('beans:1', { title: '咖啡豆', priceFen: 4_200, memberPriceFen: 4_000 });
  useCartStore.setState({ lines: [small] });
  catalog.checkCart.mockResolvedValue({
    items: [check(small, {})],
    shipping: { feeFen: 800, freeThresholdFen: 9_900 },
    coupons: [{ title: '满199减30', thresholdFen: 19_900 }],
  });
  const { container } = render(<CartPage />);

  await waitFor(() => expect(container.querySelector('.cart-shipping')?.textContent).toBe('运费¥8'));
  expect(container.querySelector('.cart-nudge-offer')?.textContent).toBe('再买¥59免运费，再买¥159可用「满199减30」');
  await tap(container.querySelector<HTMLElement>('.add-more'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
});
