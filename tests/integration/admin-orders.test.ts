import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import type { AdminOrderRow, ShipOutcome } from '~/types/functions/admin-orders';
import type { OrderDoc } from '~/types/orders';
import type { OrderView } from '~/types/functions/orders';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, addStore, docOf, patchDoc } from '../support/shop';
import { allStored } from '../support/stored';
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

  const auditOf = (action: string) => allStored(cloud, 'audit_log').filter((entry) => entry.action === action);
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

  async function askRefund(shopper: TillClient, orderId: string, extra: Record<string, unknown> = {}) {
    keys += 1;
    return (
      await shopper.client.call<Envelope<OrderView>>('orders', {
        action: 'requestRefund',
        orderId,
        reason: '不想要了',
        clientKey: `admin-orders-refund-${keys}`,
        ...extra,
      })
    ).body;
  }

  const ship = (orderId: string, trackingNo: string) => admin<OrderDoc>('shipOrder', { orderId, carrier: '顺丰速运', trackingNo });

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'a'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    addStore(cloud, 'store-a');
    people = await tillPeople(cloud, PASSWORD);
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('blocks shipping, an admin pickup and a staff handover while a refund waits for review, until it is decided', async () => {
    const sku = addProduct(cloud, 'blocked-cake', { title: '芝士蛋糕', priceFen: 8_800, stock: 10 });
    const shopper = await people.member();
    const cashier = await people.staff('store-a', 'cashier');

    const parcel = await paidOrder(shopper, delivered(sku));
    const parcelRefund = (dataOf(await askRefund(shopper, parcel.id)).refunds[0] as { id: string }).id;
    expect(failureOf(await ship(parcel.id, 'SF1000000001'))).toMatchObject({
      code: 'INVALID_STATE',
      message: '该订单有待审核的退款申请，请先处理退款再发货',
    });
    const rows = dataOf(await admin<{ items: AdminOrderRow[] }>('listOrders', { orderNo: parcel.orderNo })).items;
    expect(rows).toEqual([expect.objectContaining({ _id: parcel.id, refundAwaitingReview: true })]);

    const pickup = await paidOrder(shopper, {
      items: [{ skuId: sku, quantity: 1 }],
      pointsRequested: 0,
      delivery: { mode: 'pickup', storeId: 'store-a' },
    });
    const code = (pickup.delivery.mode === 'pickup' ? pickup.delivery.pickupCode : null) as string;
    const pickupRefund = (dataOf(await askRefund(shopper, pickup.id)).refunds[0] as { id: string }).id;
    const refused = { code: 'INVALID_STATE', message: '该订单有待审核的退款申请，请先处理退款再提货' };
    expect(failureOf(await admin('completePickup', { pickupCode: code }))).toMatchObject(refused);
    expect(failureOf(await cashier.staff('handOverByCode', { code }))).toMatchObject(refused);
    expect(docOf(cloud, 'orders', parcel.id).status).toBe('paid');
    expect(docOf(cloud, 'orders', pickup.id).status).toBe('paid');
    expect(allStored(cloud, 'audit_log').filter((entry) => [parcel.id, pickup.id].includes(entry.target.id))).toEqual([]);

    dataOf(await admin('rejectRefund', { refundId: parcelRefund, note: '已与会员确认继续发货' }));
    dataOf(await admin('rejectRefund', { refundId: pickupRefund, note: '会员到店自提' }));
    expect(dataOf(await ship(parcel.id, 'SF1000000001'))).toMatchObject({
      status: 'shipped',
      delivery: { carrier: '顺丰速运', trackingNo: 'SF1000000001' },
    });
    expect(dataOf(await cashier.staff<{ status: string }>('handOverByCode', { code }))).toMatchObject({ status: 'handedOver' });
    const atDesk = await paidOrder(shopper, {
      items: [{ skuId: sku, quantity: 1 }],
      pointsRequested: 0,
      delivery: { mode: 'pickup', storeId: 'store-a' },
    });
    const deskCode = (atDesk.delivery.mode === 'pickup' ? atDesk.delivery.pickupCode : null) as string;
    expect(dataOf(await admin<OrderDoc>('completePickup', { pickupCode: deskCode }))).toMatchObject({ status: 'completed' });
    expect(auditOf('completePickup')).toEqual([
      expect.objectContaining({
        _id: `audit:pickup:${atDesk.id}`,
        actor: expect.objectContaining({ kind: 'admin', id: 'admin' }),
        target: { type: 'order', id: atDesk.id },
        before: { status: 'paid' },
        after: { status: 'completed' },
      }),
    ]);
  });

  it('ships a batch with one carrier: each order on its own, one bad order stopping none of the others, once', async () => {
    const sku = addProduct(cloud, 'batch-book', { title: '笔记本', priceFen: 2_500, stock: 20 });
    const shopper = await people.member();
    const first = await paidOrder(shopper, delivered(sku));
    const held = await paidOrder(shopper, delivered(sku));
    const third = await paidOrder(shopper, delivered(sku));
    dataOf(await askRefund(shopper, held.id));
    const items = [
      { orderId: first.id, trackingNo: 'YT0000000001' },
      { orderId: held.id, trackingNo: 'YT0000000002' },
      { orderId: third.id, trackingNo: 'YT0000000003' },
    ];

    expect(failureOf(await admin('shipOrders', { carrier: '圆通速递', items: [items[0], items[0]] }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(failureOf(await admin('shipOrders', { carrier: '随便快递', items }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(failureOf(await admin('shipOrders', { carrier: '圆通速递', items: [] }))).toMatchObject({ code: 'VALIDATION_FAILED' });

    const { results } = dataOf(await admin<{ results: ShipOutcome[] }>('shipOrders', { carrier: '圆通速递', items }));
    expect(results.map((result) => [result.orderId, result.ok])).toEqual([
      [first.id, true],
      [held.id, false],
      [third.id, true],
    ]);
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('待审核的退款') } });
    expect(docOf(cloud, 'orders', first.id)).toMatchObject({
      status: 'shipped',
      delivery: { carrier: '圆通速递', trackingNo: 'YT0000000001' },
    });
    expect(docOf(cloud, 'orders', third.id)).toMatchObject({
      status: 'shipped',
      delivery: { carrier: '圆通速递', trackingNo: 'YT0000000003' },
    });
    expect(docOf(cloud, 'orders', held.id).status).toBe('paid');

    const again = dataOf(await admin<{ results: ShipOutcome[] }>('shipOrders', { carrier: '圆通速递', items }));
    expect(again.results.map((result) => result.ok)).toEqual([true, false, true]);
    const shipped = auditOf('shipOrder').filter((entry) => [first.id, held.id, third.id].includes(entry.target.id));
    expect(shipped.map((entry) => entry._id).sort()).toEqual([`audit:ship:${first.id}`, `audit:ship:${third.id}`].sort());
    expect(shipped.find((entry) => entry.target.id === first.id)).toMatchObject({
      actor: { kind: 'admin', id: 'admin', role: 'owner' },
      memberId: shopper.memberId,
      before: { status: 'paid' },
      after: { status: 'shipped', carrier: '圆通速递', trackingNo: 'YT0000000001' },
    });
  });

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
    expect(row).toMatchObject({
      _id: newer.id,
      member: { memberNo: member.memberNo, nickname: member.nickname },
      refundAwaitingReview: false,
    });
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
