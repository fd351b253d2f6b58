import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import type { AdminOrderRow, ShipOutcome } from '~/types/functions/admin-orders';
import type { OrderView } from '~/types/functions/orders';
import type { OrderDoc, RefundDoc, RefundPreview } from '~/types/orders';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, addStore, docOf, giveCoupon, patchDoc } from '../support/shop';
import { allStored } from '../support/stored';
import type { Envelope, TillClient } from '../support/till';
import { dataOf, tillPeople } from '../support/till';

const PASSWORD = 'admin-orders-password';
const ADDRESS = {
  name: '周一',
  phone: '13900139000',
  region: '北京市 朝阳区',
  detail: '建国路 88 号',
};

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
  const stockOf = (skuId: string) => docOf(cloud, 'sku_stock', skuId).stock;
  const auditOf = (action: string) => allStored(cloud, 'audit_log').filter((entry) => entry.action === action);
  const preview = async (refundId: string) => dataOf(await admin<RefundPreview>('previewRefund', { refundId }));

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
      (
        await shopper.client.call<Envelope<{ outTradeNo: string }>>('orders', {
          action: 'pay',
          orderId: placed.id,
        })
      ).body,
    );
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    return dataOf(
      (
        await shopper.client.call<Envelope<OrderView>>('orders', {
          action: 'detail',
          orderId: placed.id,
        })
      ).body,
    );
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
    cloud = await startTestCloud({
      functionEnv: {
        admin: {
          ADMIN_TOKEN_SECRET: 'a'.repeat(40),
          ADMIN_INITIAL_PASSWORD: PASSWORD,
        },
      },
    });
    addStore(cloud, 'store-a');
    people = await tillPeople(cloud, PASSWORD);
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('previews exactly what an approval pays back, the shipping fee, stock and coupon included before shipping', async () => {
    const sku = addProduct(cloud, 'preview-tea', {
      title: '白茶',
      priceFen: 6_600,
      stock: 5,
    });
    const shopper = await people.member();
    const couponId = giveCoupon(cloud, shopper.memberId, 'preview-5', {
      kind: 'cash',
      thresholdFen: 5_000,
      amountFen: 500,
    });
    const order = await paidOrder(shopper, delivered(sku, 1, { couponIds: [couponId] }));
    expect(order.breakdown).toMatchObject({
      payableFen: 6_900,
      shippingFeeFen: 800,
    });
    const refundId = (dataOf(await askRefund(shopper, order.id)).refunds[0] as { id: string }).id;

    const shown = await preview(refundId);
    expect(shown).toMatchObject({
      kind: 'refundOnly',
      status: 'requested',
      amountFen: 6_900,
      requestedFen: 6_900,
      shippingBackFen: 800,
      pointsReturned: 0,
      pointsClawedBack: 61,
      couponPolicy: 'returned',
      couponsReturned: 1,
      stockReturned: [{ skuId: sku, title: '白茶', quantity: 1 }],
      next: 'payBack',
    });
    const refund = dataOf(
      await admin<RefundDoc>('approveRefund', {
        refundId,
        expectedRefundFen: shown.amountFen,
      }),
    );
    expect(refund).toMatchObject({
      status: 'refunded',
      amountFen: shown.amountFen,
      pointsClawedBack: shown.pointsClawedBack,
      restock: true,
    });
    expect(cloud.payments.refunds(order.orderNo)).toEqual([expect.objectContaining({ refundFee: shown.amountFen })]);
    expect(stockOf(sku)).toBe(5);
    expect(docOf(cloud, 'coupon_instances', couponId).status).toBe('issued');
    expect(await preview(refundId)).toMatchObject({
      status: 'refunded',
      amountFen: 6_900,
      pointsClawedBack: 61,
    });
  });

  it('refuses an approval for an amount that is no longer what it pays, changing nothing, then pays what the new preview shows', async () => {
    const sku = addProduct(cloud, 'stale-cup', {
      title: '随行杯',
      priceFen: 3_000,
      stock: 10,
    });
    const shopper = await people.member();
    const order = await paidOrder(shopper, delivered(sku, 2));
    expect(order.breakdown).toMatchObject({
      payableFen: 6_800,
      shippingFeeFen: 800,
    });
    const refundId = (dataOf(await askRefund(shopper, order.id)).refunds[0] as { id: string }).id;
    const before = await preview(refundId);
    expect(before).toMatchObject({
      amountFen: 6_800,
      shippingBackFen: 800,
      stockReturned: [expect.objectContaining({ quantity: 2 })],
    });

    // A shipment that passed its check just before the member asked: the order left the shop meanwhile.
    patchDoc(cloud, 'orders', order.id, {
      status: 'shipped',
      shippedAt: Date.now(),
    });
    const stale = failureOf(
      await admin('approveRefund', {
        refundId,
        expectedRefundFen: before.amountFen,
      }),
    );
    expect(stale).toMatchObject({
      code: 'PRICE_CHANGED',
      details: {
        preview: { amountFen: 6_000, shippingBackFen: 0, stockReturned: [] },
      },
    });
    expect(stale.message).toContain('¥60.00');
    expect(docOf(cloud, 'refunds', refundId)).toMatchObject({
      status: 'requested',
      reviewedBy: null,
      amountFen: 6_800,
    });
    expect(docOf(cloud, 'orders', order.id)).toMatchObject({
      refundedFen: 0,
      lines: [expect.objectContaining({ refundId: null })],
    });
    expect(cloud.payments.refunds(order.orderNo)).toEqual([]);
    expect(auditOf('approveRefund').filter((entry) => entry.target.id === refundId)).toEqual([]);

    const after = await preview(refundId);
    expect(after).toEqual(stale.details?.preview);
    const refund = dataOf(
      await admin<RefundDoc>('approveRefund', {
        refundId,
        expectedRefundFen: after.amountFen,
      }),
    );
    expect(refund).toMatchObject({
      status: 'refunded',
      amountFen: 6_000,
      restock: false,
      pointsClawedBack: after.pointsClawedBack,
    });
    expect(cloud.payments.refunds(order.orderNo)).toEqual([expect.objectContaining({ refundFee: 6_000 })]);
    expect(stockOf(sku)).toBe(8);
  });

  it('catches a preview another refund of the order made stale: the last lines before shipping bring the shipping fee', async () => {
    const sku = addProduct(cloud, 'two-lines-a', {
      title: '茶杯',
      priceFen: 2_000,
      stock: 10,
    });
    const other = addProduct(cloud, 'two-lines-b', {
      title: '茶碟',
      priceFen: 1_000,
      stock: 10,
    });
    const shopper = await people.member();
    const order = await paidOrder(shopper, {
      items: [
        { skuId: sku, quantity: 1 },
        { skuId: other, quantity: 1 },
      ],
      pointsRequested: 0,
      delivery: { mode: 'delivery', address: ADDRESS },
    });
    const first = (dataOf(await askRefund(shopper, order.id, { lineIds: ['L1'] })).refunds[0] as { id: string }).id;
    const second = dataOf(await askRefund(shopper, order.id, { lineIds: ['L2'] })).refunds.find((r) => r.id !== first)?.id as string;
    const secondShown = await preview(second);
    expect(secondShown).toMatchObject({ amountFen: 1_000, shippingBackFen: 0 });
    dataOf(
      await admin('approveRefund', {
        refundId: first,
        expectedRefundFen: (await preview(first)).amountFen,
      }),
    );

    expect(
      failureOf(
        await admin('approveRefund', {
          refundId: second,
          expectedRefundFen: secondShown.amountFen,
        }),
      ),
    ).toMatchObject({
      code: 'PRICE_CHANGED',
      details: { preview: { amountFen: 1_800, shippingBackFen: 800 } },
    });
    dataOf(
      await admin('approveRefund', {
        refundId: second,
        expectedRefundFen: 1_800,
      }),
    );
    expect(docOf(cloud, 'orders', order.id)).toMatchObject({
      status: 'refunded',
      refundedFen: 3_800,
    });
  });

  it('blocks shipping, an admin pickup and a staff handover while a refund waits for review, until it is decided', async () => {
    const sku = addProduct(cloud, 'blocked-cake', {
      title: '芝士蛋糕',
      priceFen: 8_800,
      stock: 10,
    });
    const shopper = await people.member();
    const cashier = await people.staff('store-a', 'cashier');

    const parcel = await paidOrder(shopper, delivered(sku));
    const parcelRefund = (dataOf(await askRefund(shopper, parcel.id)).refunds[0] as { id: string }).id;
    expect(failureOf(await ship(parcel.id, 'SF1000000001'))).toMatchObject({
      code: 'INVALID_STATE',
      message: '该订单有待审核的退款申请，请先处理退款再发货',
    });
    const rows = dataOf(
      await admin<{ items: AdminOrderRow[] }>('listOrders', {
        orderNo: parcel.orderNo,
      }),
    ).items;
    expect(rows).toEqual([expect.objectContaining({ _id: parcel.id, refundAwaitingReview: true })]);

    const pickup = await paidOrder(shopper, {
      items: [{ skuId: sku, quantity: 1 }],
      pointsRequested: 0,
      delivery: { mode: 'pickup', storeId: 'store-a' },
    });
    const code = (pickup.delivery.mode === 'pickup' ? pickup.delivery.pickupCode : null) as string;
    const pickupRefund = (dataOf(await askRefund(shopper, pickup.id)).refunds[0] as { id: string }).id;
    const refused = {
      code: 'INVALID_STATE',
      message: '该订单有待审核的退款申请，请先处理退款再提货',
    };
    expect(failureOf(await admin('completePickup', { pickupCode: code }))).toMatchObject(refused);
    expect(failureOf(await cashier.staff('handOverByCode', { code }))).toMatchObject(refused);
    expect(docOf(cloud, 'orders', parcel.id).status).toBe('paid');
    expect(docOf(cloud, 'orders', pickup.id).status).toBe('paid');
    expect(allStored(cloud, 'audit_log').filter((entry) => [parcel.id, pickup.id].includes(entry.target.id))).toEqual([]);

    dataOf(
      await admin('rejectRefund', {
        refundId: parcelRefund,
        note: '已与会员确认继续发货',
      }),
    );
    dataOf(
      await admin('rejectRefund', {
        refundId: pickupRefund,
        note: '会员到店自提',
      }),
    );
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
    expect(auditOf('rejectRefund').find((entry) => entry.target.id === parcelRefund)).toMatchObject({
      _id: `audit:refund:${parcelRefund}:reject`,
      actor: { kind: 'admin', id: 'admin' },
      before: { status: 'requested' },
      after: { status: 'rejected', note: '已与会员确认继续发货' },
    });
  });

  it('runs a 退货退款: approved, the member sends the goods with a waybill, received, then paid back with the stock', async () => {
    const sku = addProduct(cloud, 'return-lamp', {
      title: '台灯',
      priceFen: 12_000,
      stock: 6,
    });
    const shopper = await people.member();
    const order = await paidOrder(shopper, delivered(sku, 2));
    expect(order.breakdown).toMatchObject({
      payableFen: 24_000,
      shippingFeeFen: 0,
    });
    expect(failureOf(await askRefund(shopper, order.id, { kind: 'returnAndRefund' }))).toMatchObject({
      code: 'INVALID_STATE',
      message: '商品尚未发货，无需退货，请选择仅退款',
    });
    dataOf(await ship(order.id, 'SF2000000001'));
    expect(stockOf(sku)).toBe(4);

    const asked = dataOf(
      await askRefund(shopper, order.id, {
        kind: 'returnAndRefund',
        reason: '灯罩有划痕',
      }),
    );
    const refundId = (asked.refunds[0] as { id: string }).id;
    expect(asked.refunds[0]).toMatchObject({
      kind: 'returnAndRefund',
      status: 'requested',
      returnTo: null,
    });
    expect(
      failureOf(
        await admin('confirmReturnReceived', {
          refundId,
          expectedRefundFen: 24_000,
        }),
      ),
    ).toMatchObject({
      code: 'INVALID_STATE',
    });
    const shown = await preview(refundId);
    expect(shown).toMatchObject({
      kind: 'returnAndRefund',
      next: 'awaitReturn',
      amountFen: 24_000,
      stockReturned: [{ skuId: sku, title: '台灯', quantity: 2 }],
    });
    const approved = dataOf(
      await admin<RefundDoc>('approveRefund', {
        refundId,
        expectedRefundFen: shown.amountFen,
      }),
    );
    expect(approved).toMatchObject({
      status: 'awaitingReturn',
      returnTo: { name: '售后服务中心', address: expect.any(String) },
    });
    dataOf(
      await admin<RefundDoc>('approveRefund', {
        refundId,
        expectedRefundFen: shown.amountFen,
      }),
    );
    expect(cloud.payments.refunds(order.orderNo)).toEqual([]);
    expect(stockOf(sku)).toBe(4);

    const sendBack = {
      action: 'submitReturnShipment',
      orderId: order.id,
      refundId,
      carrier: '中通快递',
      waybillNo: 'ZT7700001',
    };
    const waiting = dataOf((await shopper.client.call<Envelope<OrderView>>('orders', sendBack)).body);
    expect(waiting.refunds[0]).toMatchObject({
      status: 'awaitingReturn',
      returnTo: { name: '售后服务中心' },
      returnShipment: { carrier: '中通快递', waybillNo: 'ZT7700001' },
    });
    expect(waiting.timeline.map((event) => event.status)).toEqual(expect.arrayContaining(['returnApproved', 'returnShipped']));
    expect(waiting.can.requestRefund).toBe(false);
    const stranger = await people.member();
    expect(failureOf((await stranger.client.call<Envelope<OrderView>>('orders', sendBack)).body)).toMatchObject({ code: 'NOT_FOUND' });

    const paid = dataOf(
      await admin<RefundDoc>('confirmReturnReceived', {
        refundId,
        expectedRefundFen: shown.amountFen,
      }),
    );
    expect(paid).toMatchObject({
      status: 'refunded',
      amountFen: 24_000,
      restock: true,
      returnReceivedAt: expect.any(Number),
    });
    expect(cloud.payments.refunds(order.orderNo)).toEqual([expect.objectContaining({ refundFee: 24_000 })]);
    expect(stockOf(sku)).toBe(6);
    expect(docOf(cloud, 'orders', order.id)).toMatchObject({
      status: 'refunded',
      refundedFen: 24_000,
    });
    expect(failureOf((await shopper.client.call<Envelope<OrderView>>('orders', sendBack)).body)).toMatchObject({ code: 'INVALID_STATE' });

    expect(auditOf('approveRefund').filter((entry) => entry.target.id === refundId)).toEqual([
      expect.objectContaining({
        _id: `audit:refund:${refundId}:approveReturn`,
        after: { status: 'awaitingReturn', amountFen: 24_000 },
      }),
    ]);
    expect(auditOf('confirmReturnReceived')).toEqual([
      expect.objectContaining({
        _id: `audit:refund:${refundId}:payBack`,
        actor: expect.objectContaining({ kind: 'admin', id: 'admin' }),
        amounts: { amountFen: 24_000 },
        before: { status: 'awaitingReturn' },
        after: expect.objectContaining({ status: 'refunding', restock: true }),
      }),
    ]);
  });

  it('lets a return still awaited be rejected, and keeps an old refund without a kind working as 仅退款', async () => {
    const sku = addProduct(cloud, 'kindless', {
      title: '围巾',
      priceFen: 15_000,
      stock: 5,
    });
    const shopper = await people.member();
    const order = await paidOrder(shopper, delivered(sku));
    dataOf(await ship(order.id, 'SF3000000001'));
    const refundId = (dataOf(await askRefund(shopper, order.id, { kind: 'returnAndRefund' })).refunds[0] as { id: string }).id;
    dataOf(await admin('approveRefund', { refundId, expectedRefundFen: 15_000 }));
    expect(
      dataOf(
        await admin<RefundDoc>('rejectRefund', {
          refundId,
          note: '超过期限未寄回',
        }),
      ),
    ).toMatchObject({ status: 'rejected' });

    const old = (dataOf(await askRefund(shopper, order.id)).refunds.find((r) => r.id !== refundId) as { id: string }).id;
    const stored = docOf(cloud, 'refunds', old);
    const { kind: _kind, requestedFen: _requested, ...withoutKind } = stored;
    cloud.store.replace('refunds', withoutKind);
    expect(await preview(old)).toMatchObject({
      kind: 'refundOnly',
      next: 'payBack',
      amountFen: 15_000,
      requestedFen: 15_000,
    });
    expect(
      dataOf(
        await admin<RefundDoc>('approveRefund', {
          refundId: old,
          expectedRefundFen: 15_000,
        }),
      ),
    ).toMatchObject({
      status: 'refunded',
      restock: false,
    });
  });

  it('ships a batch with one carrier: each order on its own, one bad order stopping none of the others, once', async () => {
    const sku = addProduct(cloud, 'batch-book', {
      title: '笔记本',
      priceFen: 2_500,
      stock: 20,
    });
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

    expect(
      failureOf(
        await admin('shipOrders', {
          carrier: '圆通速递',
          items: [items[0], items[0]],
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(failureOf(await admin('shipOrders', { carrier: '随便快递', items }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(failureOf(await admin('shipOrders', { carrier: '圆通速递', items: [] }))).toMatchObject({ code: 'VALIDATION_FAILED' });

    const { results } = dataOf(
      await admin<{ results: ShipOutcome[] }>('shipOrders', {
        carrier: '圆通速递',
        items,
      }),
    );
    expect(results.map((result) => [result.orderId, result.ok])).toEqual([
      [first.id, true],
      [held.id, false],
      [third.id, true],
    ]);
    expect(results[1]).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_STATE',
        message: expect.stringContaining('待审核的退款'),
      },
    });
    expect(docOf(cloud, 'orders', first.id)).toMatchObject({
      status: 'shipped',
      delivery: { carrier: '圆通速递', trackingNo: 'YT0000000001' },
    });
    expect(docOf(cloud, 'orders', third.id)).toMatchObject({
      status: 'shipped',
      delivery: { carrier: '圆通速递', trackingNo: 'YT0000000003' },
    });
    expect(docOf(cloud, 'orders', held.id).status).toBe('paid');

    const again = dataOf(
      await admin<{ results: ShipOutcome[] }>('shipOrders', {
        carrier: '圆通速递',
        items,
      }),
    );
    expect(again.results.map((result) => result.ok)).toEqual([true, false, true]);
    const shipped = auditOf('shipOrder').filter((entry) => [first.id, held.id, third.id].includes(entry.target.id));
    expect(shipped.map((entry) => entry._id).sort()).toEqual([`audit:ship:${first.id}`, `audit:ship:${third.id}`].sort());
    expect(shipped.find((entry) => entry.target.id === first.id)).toMatchObject({
      actor: { kind: 'admin', id: 'admin', role: 'owner' },
      memberId: shopper.memberId,
      before: { status: 'paid' },
      after: {
        status: 'shipped',
        carrier: '圆通速递',
        trackingNo: 'YT0000000001',
      },
    });
  });

  it('searches orders by number, member number, phone and days placed, each row with the member nickname and number', async () => {
    const sku = addProduct(cloud, 'search-pen', {
      title: '钢笔',
      priceFen: 1_500,
      stock: 20,
    });
    const shopper = await people.member();
    const other = await people.member();
    dataOf(
      (
        await shopper.client.call<Envelope<unknown>>('member', {
          action: 'updateProfile',
          phone: '13700137000',
        })
      ).body,
    );
    const member = docOf(cloud, 'members', shopper.memberId);
    const older = await paidOrder(shopper, delivered(sku));
    const newer = await paidOrder(shopper, delivered(sku));
    const theirs = await paidOrder(other, delivered(sku));
    const threeDaysAgo = Date.now() - 3 * DAY_MS;
    patchDoc(cloud, 'orders', older.id, { createdAt: threeDaysAgo });
    const list = async (search: Record<string, unknown>) =>
      dataOf(await admin<{ items: AdminOrderRow[] }>('listOrders', search)).items.map((row) => row._id);

    const [row] = dataOf(
      await admin<{ items: AdminOrderRow[] }>('listOrders', {
        orderNo: newer.orderNo,
      }),
    ).items;
    expect(row).toMatchObject({
      _id: newer.id,
      member: { memberNo: member.memberNo, nickname: member.nickname },
      refundAwaitingReview: false,
    });
    expect(await list({ member: member.memberNo })).toEqual([newer.id, older.id]);
    expect(await list({ member: '13700137000' })).toEqual([newer.id, older.id]);
    expect(await list({ member: '13700137001' })).toEqual([]);
    expect(
      await list({
        member: member.memberNo,
        createdFrom: dayOf(threeDaysAgo),
        createdTo: dayOf(threeDaysAgo),
      }),
    ).toEqual([older.id]);
    expect(await list({ member: member.memberNo, createdFrom: dayOf(Date.now()) })).toEqual([newer.id]);
    expect(await list({ member: member.memberNo, status: 'shipped' })).toEqual([]);
    expect(await list({ createdFrom: dayOf(Date.now()), pageSize: 100 })).toEqual(expect.arrayContaining([newer.id, theirs.id]));
    expect(await list({ createdFrom: dayOf(Date.now()), pageSize: 100 })).not.toContain(older.id);

    const page = dataOf(
      await admin<{ items: AdminOrderRow[]; nextCursor: string | null }>('listOrders', { member: member.memberNo, pageSize: 1 }),
    );
    expect(page.items.map((item) => item._id)).toEqual([newer.id]);
    expect(
      await list({
        member: member.memberNo,
        pageSize: 1,
        cursor: page.nextCursor,
      }),
    ).toEqual([older.id]);

    expect(failureOf(await admin('listOrders', { member: '12345' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      failureOf(
        await admin('listOrders', {
          createdFrom: '2025-03-02',
          createdTo: '2025-03-01',
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(failureOf(await admin('listOrders', { createdFrom: '2025/03/01' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('writes one audit entry per approval under its key, however often it is retried', async () => {
    const sku = addProduct(cloud, 'audit-mug', {
      title: '马克杯',
      priceFen: 4_000,
      stock: 5,
    });
    const shopper = await people.member();
    const order = await paidOrder(shopper, delivered(sku));
    const refundId = (dataOf(await askRefund(shopper, order.id)).refunds[0] as { id: string }).id;
    const { amountFen } = await preview(refundId);
    await Promise.all([
      admin('approveRefund', { refundId, expectedRefundFen: amountFen }),
      admin('approveRefund', { refundId, expectedRefundFen: amountFen }),
    ]);
    dataOf(await admin('approveRefund', { refundId, expectedRefundFen: amountFen }));
    expect(cloud.payments.refunds(order.orderNo)).toHaveLength(1);
    expect(auditOf('approveRefund').filter((entry) => entry.target.id === refundId)).toEqual([
      expect.objectContaining({
        _id: `audit:refund:${refundId}:payBack`,
        memberId: shopper.memberId,
        amounts: { amountFen },
        before: { status: 'requested' },
        after: expect.objectContaining({ status: 'refunding', amountFen }),
      }),
    ]);
    expect(docOf(cloud, 'refunds', refundId)).toMatchObject({
      status: 'refunded',
      reviewedBy: 'admin',
    });
  });
});
