import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import type { AdminOrderRow } from '~/types/functions/admin-orders';
import type { OrderView } from '~/types/functions/orders';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, addStore, docOf, patchDoc } from '../support/shop';
import type { Envelope, TillClient } from '../support/till';
import { dataOf, tillPeople } from '../support/till';

const PASSWORD = 'admin-orders-password';
const ADDRESS = { name: '周一', phone: '13900139000', region: '北京市 朝阳区', detail: '建国路 88 号' };

type Failed = Extract<Envelope<unknown>, { ok: false }>;
const failureOf = (envelope: Envelope<unknown>): Failed['error'] => {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.data).slice(0, 200)}`);
  return envelope.error;
};

describe('orders and refunds in the admin console, through the built bundles', () => {
  let cloud: LocalCloud;
  let people: Awaited<ReturnType<typeof tillPeople>>;
  let keys = 0;

  const admin = async <T>(action: string, payload: Record<string, unknown> = {}) => (await people.admin<Envelope<T>>(action, payload)).body;

  /** Places an order at its previewed total and pays it through the simulated WeChat Pay. */
  async function paidOrder(shopper: TillClient, body: Record<string, unknown>): Promise<OrderView> {
    const priced = dataOf(
      (await shopper.client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body,
    );
    keys += 1;
    const placed = dataOf(
      (
        await shopper.client.call<Envelope<OrderView>>('orders', {
          action: 'place',
          ...body,
          expectedPayableFen: priced.breakdown.payableFen,
          clientKey: `admin-orders-${keys}`,
        })
      ).body,
    );
    const start = dataOf(
      (await shopper.client.call<Envelope<{ outTradeNo: string }>>('orders', { action: 'pay', orderId: placed.id })).body,
    );
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    return dataOf((await shopper.client.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: placed.id })).body);
  }

  const delivered = (skuId: string, quantity = 1, extra: Record<string, unknown> = {}) => ({
    items: [{ skuId, quantity }],
    pointsRequested: 0,
    delivery: { mode: 'delivery', address: ADDRESS },
    ...extra,
  });

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'a'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    addStore(cloud, 'store-a');
    people = await tillPeople(cloud, PASSWORD);
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('searches orders by number, member number, phone and days placed, each row with the member nickname and number', async () => {
    const sku = addProduct(cloud, 'search-pen', { title: '钢笔', priceFen: 1_500, stock: 20 });
    const shopper = await people.member();
    const other = await people.member();
    dataOf((await shopper.client.call<Envelope<unknown>>('member', { action: 'updateProfile', phone: '13700137000' })).body);
    const member = docOf(cloud, 'members', shopper.memberId);
    const older = await paidOrder(shopper, delivered(sku));
    const newer = await paidOrder(shopper, delivered(sku));
    const theirs = await paidOrder(other, delivered(sku));
    const threeDaysAgo = Date.now() - 3 * DAY_MS;
    patchDoc(cloud, 'orders', older.id, { createdAt: threeDaysAgo });
    const list = async (search: Record<string, unknown>) =>
      dataOf(await admin<{ items: AdminOrderRow[] }>('listOrders', search)).items.map((row) => row._id);

    const [row] = dataOf(await admin<{ items: AdminOrderRow[] }>('listOrders', { orderNo: newer.orderNo })).items;
    expect(row).toMatchObject({ _id: newer.id, member: { memberNo: member.memberNo, nickname: member.nickname } });
    expect(await list({ member: member.memberNo })).toEqual([newer.id, older.id]);
    expect(await list({ member: '13700137000' })).toEqual([newer.id, older.id]);
    expect(await list({ member: '13700137001' })).toEqual([]);
    expect(await list({ member: member.memberNo, createdFrom: dayOf(threeDaysAgo), createdTo: dayOf(threeDaysAgo) })).toEqual([older.id]);
    expect(await list({ member: member.memberNo, createdFrom: dayOf(Date.now()) })).toEqual([newer.id]);
    expect(await list({ member: member.memberNo, status: 'shipped' })).toEqual([]);
    expect(await list({ createdFrom: dayOf(Date.now()), pageSize: 100 })).toEqual(expect.arrayContaining([newer.id, theirs.id]));
    expect(await list({ createdFrom: dayOf(Date.now()), pageSize: 100 })).not.toContain(older.id);

    const page = dataOf(
      await admin<{ items: AdminOrderRow[]; nextCursor: string | null }>('listOrders', { member: member.memberNo, pageSize: 1 }),
    );
    expect(page.items.map((item) => item._id)).toEqual([newer.id]);
    expect(await list({ member: member.memberNo, pageSize: 1, cursor: page.nextCursor })).toEqual([older.id]);

    expect(failureOf(await admin('listOrders', { member: '12345' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(failureOf(await admin('listOrders', { createdFrom: '2025-03-02', createdTo: '2025-03-01' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(failureOf(await admin('listOrders', { createdFrom: '2025/03/01' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
