import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { CatalogResponses, ProductDetail } from '~/types/functions/catalog';
import { FAVOURITES_CAP } from '~/types/functions/catalog';
import type { OrderPreview, OrderView, PaymentStart } from '~/types/functions/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, adminCaller, patchDoc } from '../support/shop';
import { allStored, storedOrNull } from '../support/stored';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'discovery-admin-password';
const ADDRESS = { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' };

describe('favourites and 猜你喜欢 through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  let ann: GatewayClient;
  let bob: GatewayClient;
  let annId: string;

  async function joined(): Promise<[GatewayClient, string]> {
    const client = new GatewayClient(cloud.url);
    await client.login();
    const member = data((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
    return [client, member.memberId];
  }

  const catalog = async <A extends keyof CatalogResponses>(client: GatewayClient, action: A, payload: Record<string, unknown> = {}) =>
    (await client.call<Envelope<CatalogResponses[A]>>('catalog', { action, ...payload })).body;
  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'd'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    await adminCaller(cloud, PASSWORD);
    addProduct(cloud, 'kettle', { title: '手冲壶', priceFen: 19_900, stock: 20 });
    addProduct(cloud, 'filter', { title: '滤纸', priceFen: 1_500, stock: 50 });
    addProduct(cloud, 'grinder', { title: '磨豆机', priceFen: 29_900, stock: 10 });
    addProduct(cloud, 'beans', { title: '咖啡豆', priceFen: 8_800, stock: 30 });
    addProduct(cloud, 'cups', { title: '纸杯', priceFen: 990, stock: 0 });
    addProduct(cloud, 'old-mug', { title: '旧款杯', priceFen: 3_900, stock: 5 });
    patchDoc(cloud, 'products', 'beans', { salesCount: 900 });
    patchDoc(cloud, 'products', 'grinder', { salesCount: 300 });
    patchDoc(cloud, 'products', 'cups', { salesCount: 5_000 });
    patchDoc(cloud, 'products', 'old-mug', { salesCount: 4_000, status: 'offShelf' });
    [ann, annId] = await joined();
    [bob] = await joined();
  });

  afterAll(() => cloud?.stop());

  describe('favourites', () => {
    it('keeps a product once however often it is favourited, and shows it on the product page to its owner only', async () => {
      const answers = await Promise.all([1, 2, 3].map(() => catalog(ann, 'addFavourite', { productId: 'kettle' })));
      expect(answers.map(data)).toEqual([1, 2, 3].map(() => ({ productId: 'kettle', favourited: true })));
      expect(allStored(cloud, 'favourites')).toEqual([
        expect.objectContaining({ _id: `${annId}:kettle`, memberId: annId, productId: 'kettle' }),
      ]);

      expect(data<ProductDetail>(await catalog(ann, 'detail', { productId: 'kettle' })).favourited).toBe(true);
      expect(data<ProductDetail>(await catalog(bob, 'detail', { productId: 'kettle' })).favourited).toBe(false);
      expect(data<ProductDetail>(await catalog(new GatewayClient(cloud.url), 'detail', { productId: 'kettle' })).favourited).toBe(false);
    });

    it('lists only the caller’s own, newest first, a page at a time, with the sold-out and off-shelf state', async () => {
      data(await catalog(ann, 'addFavourite', { productId: 'cups' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      data(await catalog(ann, 'addFavourite', { productId: 'old-mug' }));
      data(await catalog(bob, 'addFavourite', { productId: 'filter' }));

      const first = data(await catalog(ann, 'favourites', { pageSize: 2 }));
      expect(ids(first.items)).toEqual(['old-mug', 'cups']);
      expect(first.items.map((item) => [item.soldOut, item.onShelf])).toEqual([
        [false, false],
        [true, true],
      ]);
      const second = data(await catalog(ann, 'favourites', { pageSize: 2, cursor: first.nextCursor }));
      expect([ids(second.items), second.nextCursor]).toEqual([['kettle'], null]);
      expect(ids(data(await catalog(bob, 'favourites')).items)).toEqual(['filter']);
    });

    it('un-favourites only the caller’s own; removing one twice is a no-op', async () => {
      data(await catalog(bob, 'removeFavourite', { productId: 'kettle' }));
      expect(storedOrNull(cloud, 'favourites', `${annId}:kettle`)).not.toBeNull();
      const twice = await Promise.all([1, 2].map(() => catalog(ann, 'removeFavourite', { productId: 'kettle' })));
      expect(twice.map(data)).toEqual([1, 2].map(() => ({ productId: 'kettle', favourited: false })));
      expect(storedOrNull(cloud, 'favourites', `${annId}:kettle`)).toBeNull();
      expect(ids(data(await catalog(ann, 'favourites')).items)).toEqual(['old-mug', 'cups']);
    });

    it('refuses guests, visitors and unknown products, changing nothing', async () => {
      const guest = new GatewayClient(cloud.url);
      await guest.login();
      expect(await catalog(guest, 'addFavourite', { productId: 'kettle' })).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
      expect(await catalog(guest, 'favourites')).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
      expect(await catalog(new GatewayClient(cloud.url), 'addFavourite', { productId: 'kettle' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
      expect(await catalog(ann, 'addFavourite', { productId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await catalog(ann, 'addFavourite', { productId: '../x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(allStored(cloud, 'favourites')).toHaveLength(3);
    });

    it(`stops at ${FAVOURITES_CAP} with a clear error, while one already kept stays a no-op`, async () => {
      const [carol, carolId] = await joined();
      cloud.store.atomically(() => {
        for (let i = 0; i < FAVOURITES_CAP; i++)
          cloud.store.insert('favourites', { _id: `${carolId}:p${i}`, memberId: carolId, productId: `p${i}`, createdAt: i });
      });
      data(await catalog(carol, 'removeFavourite', { productId: 'p0' }));
      data(await catalog(carol, 'addFavourite', { productId: 'kettle' }));
      const over = await catalog(carol, 'addFavourite', { productId: 'filter' });
      expect(over).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: expect.stringContaining('收藏最多200件') } });
      expect(storedOrNull(cloud, 'favourites', `${carolId}:filter`)).toBeNull();
      expect(data(await catalog(carol, 'addFavourite', { productId: 'kettle' }))).toEqual({ productId: 'kettle', favourited: true });
    });
  });

  describe('co-purchases and recommendations', () => {
    it('without any co-purchase, recommends the best sellers on the shelf and in stock, never the product itself', async () => {
      const items = data(await catalog(bob, 'recommend', { productIds: ['kettle'] })).items;
      // cups is sold out and old-mug off the shelf, though they sell most.
      expect(ids(items)).toEqual(['beans', 'grinder', 'filter']);
      expect(ids(data(await catalog(new GatewayClient(cloud.url), 'recommend', { exclude: ['beans'], limit: 2 })).items)).toEqual([
        'grinder',
        'filter',
      ]);
    });

    it('counts a paid order’s pairs once, however often the payment is called back', async () => {
      const items = [
        { skuId: 'kettle:1', quantity: 1 },
        { skuId: 'filter:1', quantity: 3 },
        { skuId: 'grinder:1', quantity: 1 },
      ];
      const delivery = { mode: 'delivery', address: ADDRESS };
      const preview = data(
        (await ann.call<Envelope<OrderPreview>>('orders', { action: 'preview', items, couponIds: [], pointsRequested: 0, delivery })).body,
      );
      const order = data(
        (
          await ann.call<Envelope<OrderView>>('orders', {
            action: 'place',
            items,
            couponIds: [],
            pointsRequested: 0,
            delivery,
            expectedPayableFen: preview.breakdown.payableFen,
            clientKey: 'discovery-order-1',
          })
        ).body,
      );
      const start = data((await ann.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
      expect(await cloud.settlePayment(start.outTradeNo, 'SUCCESS')).toMatchObject({ errcode: 0 });
      const { transactionId } = cloud.payments.get(start.outTradeNo) as { transactionId: string };
      const event = {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: start.outTradeNo,
        transactionId,
        totalFee: preview.breakdown.payableFen,
      };
      const again = await Promise.all([1, 2, 3].map(() => cloud.invoke('pay-callback', event, { source: 'wx_paycallback' })));
      expect(again).toEqual([1, 2, 3].map(() => ({ errcode: 0, errmsg: 'OK' })));

      const counts = Object.fromEntries(allStored(cloud, 'co_purchases').map((pair) => [pair._id, pair.count]));
      expect(counts).toEqual({
        'kettle:filter': 1,
        'kettle:grinder': 1,
        'filter:kettle': 1,
        'filter:grinder': 1,
        'grinder:kettle': 1,
        'grinder:filter': 1,
      });
    });

    it('recommends what was bought together first, by count, then tops up with best sellers', async () => {
      // A second order of kettle with filter only: filter now leads grinder for kettle.
      cloud.store.replace('co_purchases', { _id: 'kettle:filter', productId: 'kettle', otherId: 'filter', count: 2, updatedAt: 0 });
      expect(ids(data(await catalog(bob, 'recommend', { productIds: ['kettle'] })).items)).toEqual(['filter', 'grinder', 'beans']);
      expect(ids(data(await catalog(bob, 'recommend', { productIds: ['kettle'], exclude: ['filter'], limit: 2 })).items)).toEqual([
        'grinder',
        'beans',
      ]);
      // A partner that sold out drops out, and best sellers take its place.
      patchDoc(cloud, 'products', 'filter', { soldOut: true });
      expect(ids(data(await catalog(bob, 'recommend', { productIds: ['kettle'] })).items)).toEqual(['grinder', 'beans']);
      patchDoc(cloud, 'products', 'filter', { soldOut: false });
      expect(ids(data(await catalog(bob, 'recommend', { productIds: ['kettle', 'grinder'] })).items)).toEqual(['filter', 'beans']);
    });
  });
});
