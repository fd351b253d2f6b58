import type { OrderPreview } from '~/types/functions/orders';
import { CloudError } from '../services/cloud';
import * as ordersService from '../services/orders';
import { breakdown, orderView } from '../test/shop';
import { useCartStore } from './cart';
import Taro from '@tarojs/taro';
import { CHECKOUT_STORAGE_KEY, useCheckoutStore } from './checkout';

jest.mock('../services/orders');
jest.mock('../services/catalog');

const service = jest.mocked(ordersService);
const ADDRESS = { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' };

function preview(overrides: Partial<OrderPreview> = {}): OrderPreview {
  return {
    lines: [],
    breakdown: breakdown({ couponDiscountFen: 0, pointsUsed: 0, pointsDiscountFen: 0, payableFen: 24_138 }),
    coupons: [
      {
        id: 'c-20',
        title: '满200减20',
        faceText: '¥20',
        conditionText: '满200元可用',
        validTo: 0,
        selected: false,
        discountFen: 2_000,
        unusableReason: null,
      },
      {
        id: 'c-50',
        title: '满500减50',
        faceText: '¥50',
        conditionText: '满500元可用',
        validTo: 0,
        selected: false,
        discountFen: 0,
        unusableReason: '还差¥258.62可用',
      },
    ],
    points: { available: 5_000, usableMax: 5_000, usableMaxFen: 5_000, pointsPerYuan: 100, maxRedeemPercent: 50 },
    tier: { id: 'silver', name: '银卡会员', memberPricePercent: 98 },
    shipping: { feeFen: 800, freeThresholdFen: 9_900, tierFreeThresholdFen: null },
    ...overrides,
  };
}

beforeEach(() => {
  jest.clearAllMocks();
  useCheckoutStore.setState({ address: ADDRESS, mode: 'delivery', storeId: null });
  useCheckoutStore.getState().begin([{ skuId: 'beans:1', quantity: 1 }], 'cart');
});

test('picks the best usable coupon for the member until they choose themselves', async () => {
  const withCoupon = preview({ breakdown: breakdown({ pointsUsed: 0, pointsDiscountFen: 0, payableFen: 22_138 }) });
  service.previewOrder.mockResolvedValueOnce(preview()).mockResolvedValueOnce(withCoupon);

  await useCheckoutStore.getState().refresh();

  expect(service.previewOrder).toHaveBeenLastCalledWith(
    expect.objectContaining({ couponIds: ['c-20'], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } }),
  );
  expect(useCheckoutStore.getState().preview.data?.breakdown.payableFen).toBe(22_138);

  service.previewOrder.mockResolvedValueOnce(preview());
  useCheckoutStore.getState().setCoupons([]);
  await waitForPreview();
  expect(service.previewOrder).toHaveBeenCalledTimes(3);
  expect(useCheckoutStore.getState().couponIds).toEqual([]);
});

test('turning points on asks for the whole balance and lets the server cap it', async () => {
  useCheckoutStore.setState({ couponsChosen: true });
  service.previewOrder.mockResolvedValue(preview());
  await useCheckoutStore.getState().refresh();

  useCheckoutStore.getState().setUsePoints(true);
  await waitForPreview();
  expect(service.previewOrder).toHaveBeenLastCalledWith(expect.objectContaining({ pointsRequested: 5_000 }));
});

test('a coupon that stops applying is dropped and the member told why', async () => {
  useCheckoutStore.setState({ couponIds: ['c-ship'], couponsChosen: true, storeId: 'jingan-kerry', mode: 'pickup' });
  service.previewOrder
    .mockRejectedValueOnce(new CloudError('NOT_ELIGIBLE', '自提订单无需运费券', { couponId: 'c-ship' }))
    .mockResolvedValueOnce(preview());

  await useCheckoutStore.getState().refresh();

  expect(useCheckoutStore.getState().couponIds).toEqual([]);
  expect(useCheckoutStore.getState().notice).toBe('已取消不可用的优惠券：自提订单无需运费券');
  expect(useCheckoutStore.getState().preview.status).toBe('ready');
});

test('a different server total is not placed: the new breakdown is shown with the server message', async () => {
  useCheckoutStore.setState({ couponsChosen: true });
  service.previewOrder.mockResolvedValue(preview());
  await useCheckoutStore.getState().refresh();
  const fresh = preview({ breakdown: breakdown({ couponDiscountFen: 0, pointsUsed: 0, pointsDiscountFen: 0, payableFen: 25_000 }) });
  const refusal = new CloudError('PRICE_CHANGED', '订单金额已更新为¥250.00，请确认后再提交', { preview: fresh });
  service.placeOrder.mockRejectedValue(refusal);
  const key = useCheckoutStore.getState().clientKey;

  const outcome = await useCheckoutStore.getState().submit();

  expect(outcome).toEqual({ ok: false, code: 'PRICE_CHANGED', message: '订单金额已更新为¥250.00，请确认后再提交', error: refusal });
  expect(service.placeOrder).toHaveBeenCalledWith(expect.objectContaining({ expectedPayableFen: 24_138, clientKey: key, note: '' }));
  expect(useCheckoutStore.getState().preview.data?.breakdown.payableFen).toBe(25_000);
});

test('a placed order leaves the cart; without an address nothing is sent', async () => {
  useCartStore.setState({
    lines: [
      {
        skuId: 'beans:1',
        productId: 'beans',
        title: '咖啡豆',
        specText: '',
        imageUrl: '',
        quantity: 1,
        selected: true,
        priceFen: 1,
        memberPriceFen: 1,
        addedAt: 1,
      },
    ],
  });
  useCheckoutStore.setState({ couponsChosen: true });
  service.previewOrder.mockResolvedValue(preview());
  await useCheckoutStore.getState().refresh();
  service.placeOrder.mockResolvedValue(orderView({ lines: [{ ...orderView().lines[0]!, skuId: 'beans:1' }] }));

  expect(await useCheckoutStore.getState().submit()).toMatchObject({ ok: true });
  expect(useCartStore.getState().lines).toEqual([]);

  useCheckoutStore.setState({ address: null });
  expect(await useCheckoutStore.getState().submit()).toEqual({ ok: false, code: 'NEEDS_INPUT', message: '请填写收货地址', error: null });
  expect(service.placeOrder).toHaveBeenCalledTimes(1);
});

async function waitForPreview(): Promise<void> {
  for (let i = 0; i < 20 && useCheckoutStore.getState().preview.status !== 'ready'; i += 1)
    await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const STORES = [
  {
    id: 'jingan',
    name: '静安店',
    address: '南京西路',
    phone: '021',
    openHours: '10:00-22:00',
    location: { latitude: 31.2245, longitude: 121.445 },
  },
  {
    id: 'pudong',
    name: '陆家嘴店',
    address: '陆家嘴西路',
    phone: '021',
    openHours: '10:00-22:00',
    location: { latitude: 31.2355, longitude: 121.499 },
  },
];

test('pickup is priced before a store is chosen, and the store nearest the member is preselected when they allow it', async () => {
  service.previewOrder.mockResolvedValue(preview({ coupons: [] }));
  service.listStores.mockResolvedValue({ items: STORES });
  jest.mocked(Taro.getLocation).mockResolvedValueOnce({ latitude: 31.24, longitude: 121.5 } as Taro.getLocation.SuccessCallbackResult);
  useCheckoutStore.setState({ stores: { status: 'idle', data: null, error: null }, nearestStoreId: null });

  useCheckoutStore.getState().setMode('pickup');
  await waitForPreviews();
  expect(service.previewOrder).toHaveBeenLastCalledWith(expect.objectContaining({ delivery: { mode: 'pickup' } }));

  await useCheckoutStore.getState().loadStores();
  await waitForPreviews();
  expect(useCheckoutStore.getState()).toMatchObject({ storeId: 'pudong', nearestStoreId: 'pudong', mode: 'pickup' });
  expect(service.previewOrder).toHaveBeenLastCalledWith(expect.objectContaining({ delivery: { mode: 'pickup', storeId: 'pudong' } }));
});

test('without the location nothing is preselected, and placing asks for a store', async () => {
  service.previewOrder.mockResolvedValue(preview({ coupons: [] }));
  service.listStores.mockResolvedValue({ items: STORES });
  useCheckoutStore.setState({ stores: { status: 'idle', data: null, error: null }, nearestStoreId: null });
  useCheckoutStore.getState().setMode('pickup');
  await useCheckoutStore.getState().loadStores();
  await waitForPreviews();

  expect(useCheckoutStore.getState().storeId).toBeNull();
  expect(await useCheckoutStore.getState().submit()).toMatchObject({ ok: false, code: 'NEEDS_INPUT', message: '请选择自提门店' });
  expect(service.placeOrder).not.toHaveBeenCalled();
});

test('the checkout being built is kept in storage for a reload, and forgotten once the order is placed', async () => {
  const kept = () => {
    const calls = jest.mocked(Taro.setStorageSync).mock.calls.filter(([key]) => key === CHECKOUT_STORAGE_KEY);
    return JSON.parse(String(calls.at(-1)?.[1])) as { state: Record<string, unknown> };
  };
  useCheckoutStore.getState().setNote('放门口');
  expect(kept().state).toMatchObject({ items: [{ skuId: 'beans:1', quantity: 1 }], source: 'cart', note: '放门口' });
  expect(kept().state).not.toHaveProperty('preview');

  service.previewOrder.mockResolvedValue(preview({ coupons: [] }));
  await useCheckoutStore.getState().refresh();
  service.placeOrder.mockResolvedValue(orderView());
  expect((await useCheckoutStore.getState().submit()).ok).toBe(true);
  expect(kept().state).toMatchObject({ items: [] });
});

/** Lets the previews that a change started settle. */
async function waitForPreviews(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
