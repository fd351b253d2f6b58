import type { LocalCloud } from '../../local-cloud/local-cloud';
import { MINUTE_MS } from '~/core/calendar/durations';
import type { OrderPreview, OrderView, PaymentStart } from '~/types/functions/orders';
import type { OrderDoc, RefundDoc } from '~/types/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, addStore, adminCaller, docOf, giveCoupon, patchDoc } from '../support/shop';
import { storedInOrder } from '../support/stored';
import { allowAdjustmentsUpTo } from '../support/programme';
import type { CollectionName, Collections } from '~/types/collections';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'edges-admin-password';
const ADDRESS = { name: '周一', phone: '13900139000', region: '北京市 朝阳区', detail: '建国路 88 号' };

describe('checkout edges: the last unit, cancels, the unpaid sweep, pickup, a full refund, crashes and bad input', () => {
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;
  let counter = 0;

  const stockOf = (skuId: string) => docOf(cloud, 'sku_stock', skuId).stock;
  const memberOf = (id: string) => docOf(cloud, 'members', id);
  const couponOf = (id: string) => docOf(cloud, 'coupon_instances', id);
  const docsWhere = <N extends CollectionName>(collection: N, keep: (doc: Collections[N]) => boolean) =>
    storedInOrder(cloud, collection).filter(keep);

  /** A new member with points, signed in through its own browser session. */
  async function shopperWith(points: number): Promise<{ client: GatewayClient; memberId: string }> {
    const client = new GatewayClient(cloud.url);
    await client.login();
    const { memberId } = data((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
    if (points > 0)
      data(
        (await admin('adjustPoints', { memberId, points, reason: '测试积分', requestKey: `grant-${memberId}` })).body as Envelope<unknown>,
      );
    return { client, memberId };
  }

  async function place(client: GatewayClient, body: Record<string, unknown>): Promise<Envelope<OrderView>> {
    const preview = (await client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body;
    const expectedPayableFen = preview.ok ? preview.data.breakdown.payableFen : 0;
    counter += 1;
    return (
      await client.call<Envelope<OrderView>>('orders', { action: 'place', ...body, expectedPayableFen, clientKey: `edge-order-${counter}` })
    ).body;
  }

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'e'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    allowAdjustmentsUpTo(cloud, 3_000);
    admin = await adminCaller(cloud, PASSWORD);
    addStore(cloud, 'jingan');
  });

  afterAll(() => cloud?.stop());

  it('sells the last unit once when two members buy it at the same moment; the other gets a clear sold-out error and keeps everything', async () => {
    const sku = addProduct(cloud, 'last-lamp', { title: '最后一盏台灯', priceFen: 29_900, stock: 1 });
    const a = await shopperWith(1_000);
    const b = await shopperWith(1_000);
    const couponA = giveCoupon(cloud, a.memberId, 'race-a', { kind: 'cash', thresholdFen: 10_000, amountFen: 1_000 });
    const couponB = giveCoupon(cloud, b.memberId, 'race-b', { kind: 'cash', thresholdFen: 10_000, amountFen: 1_000 });
    const body = (couponId: string) => ({
      items: [{ skuId: sku, quantity: 1 }],
      couponIds: [couponId],
      pointsRequested: 1_000,
      delivery: { mode: 'delivery', address: ADDRESS },
    });
    const [ra, rb] = await Promise.all([place(a.client, body(couponA)), place(b.client, body(couponB))]);
    const results = [ra, rb];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok) as Extract<Envelope<OrderView>, { ok: false }>;
    expect(loser.error).toMatchObject({ code: 'OUT_OF_STOCK', message: '「最后一盏台灯」已售罄' });
    expect(stockOf(sku)).toBe(0);
    expect(docOf(cloud, 'products', 'last-lamp').soldOut).toBe(true);
    const [winner, other] = ra.ok ? [a, b] : [b, a];
    const [winnerCoupon, otherCoupon] = ra.ok ? [couponA, couponB] : [couponB, couponA];
    expect(couponOf(winnerCoupon).status).toBe('locked');
    expect(memberOf(winner.memberId).points.available).toBe(0);
    expect(couponOf(otherCoupon)).toMatchObject({ status: 'issued', lockedBy: null });
    expect(memberOf(other.memberId).points.available).toBe(1_000);
    const retry = await place(other.client, body(otherCoupon));
    expect(retry).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
  });

  it('sells a hot SKU exactly down to zero when many buyers rush it, everyone else told it sold out', async () => {
    const sku = addProduct(cloud, 'hot-sneaker', { title: '限量球鞋', priceFen: 99_900, stock: 5 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => shopperWith(0)));
    const body = { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } };
    const results = await Promise.all(buyers.map((buyer) => place(buyer.client, body)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(Array(15).fill('OUT_OF_STOCK'));
    const doc = docOf(cloud, 'sku_stock', sku);
    expect(doc.stock).toBe(0);
    expect(Object.keys(doc.holds ?? {}).sort()).toEqual(results.flatMap((r) => (r.ok ? [r.data.id] : [])).sort());
  });

  it('cancels an unpaid order and gives back stock, coupon and points; cancelling again changes nothing', async () => {
    const sku = addProduct(cloud, 'cancel-tea', { title: '乌龙茶', priceFen: 12_000, stock: 4 });
    const { client, memberId } = await shopperWith(2_000);
    const couponId = giveCoupon(cloud, memberId, 'cancel-10', { kind: 'cash', thresholdFen: 10_000, amountFen: 1_000 });
    const order = data(
      await place(client, {
        items: [{ skuId: sku, quantity: 2 }],
        couponIds: [couponId],
        pointsRequested: 2_000,
        delivery: { mode: 'delivery', address: ADDRESS },
      }),
    );
    data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    expect(stockOf(sku)).toBe(2);
    expect(memberOf(memberId).points.available).toBe(0);
    const cancelled = data(
      (await client.call<Envelope<OrderView>>('orders', { action: 'cancel', orderId: order.id, reason: '不想要了' })).body,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '不想要了', can: { pay: false, cancel: false } });
    data((await client.call<Envelope<OrderView>>('orders', { action: 'cancel', orderId: order.id })).body);
    expect(stockOf(sku)).toBe(4);
    expect(couponOf(couponId)).toMatchObject({ status: 'issued', releasedBy: order.id });
    expect(memberOf(memberId).points.available).toBe(2_000);
    expect(cloud.payments.get(order.orderNo)?.state).toBe('CLOSED');
    expect((await client.call('orders', { action: 'pay', orderId: order.id })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('the unpaid sweep cancels orders past their deadline, finishes dead placements, and leaves paid ones alone', async () => {
    const sku = addProduct(cloud, 'sweep-cup', { title: '保温杯', priceFen: 8_800, stock: 10 });
    const { client, memberId } = await shopperWith(1_000);
    const couponId = giveCoupon(cloud, memberId, 'sweep-5', { kind: 'cash', thresholdFen: 5_000, amountFen: 500 });
    const unpaid = data(
      await place(client, {
        items: [{ skuId: sku, quantity: 1 }],
        couponIds: [couponId],
        pointsRequested: 1_000,
        delivery: { mode: 'delivery', address: ADDRESS },
      }),
    );
    const paid = data(
      await place(client, { items: [{ skuId: sku, quantity: 2 }], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } }),
    );
    const start = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: paid.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    // A placement whose request died after taking its stock.
    const dead = data(
      await place(client, { items: [{ skuId: sku, quantity: 3 }], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } }),
    );
    expect(stockOf(sku)).toBe(4);
    patchDoc(cloud, 'orders', dead.id, { status: 'placing', progress: 'stockHeld', leaseUntil: 0 });
    for (const id of [unpaid.id, paid.id, dead.id]) patchDoc(cloud, 'orders', id, { payDeadline: Date.now() - MINUTE_MS });

    const run = (await cloud.runTimer('job-cancel-unpaid')) as { ok: boolean; data: { scanned: number; changed: number } };
    expect(run).toMatchObject({ ok: true, data: { scanned: 2, changed: 2 } });
    expect(docOf(cloud, 'orders', unpaid.id)).toMatchObject({
      status: 'cancelled',
      holdsReturned: true,
      cancelReason: '超时未支付，订单已自动取消',
    });
    expect(docOf(cloud, 'orders', dead.id)).toMatchObject({ status: 'failed', holdsReturned: true });
    expect(docOf(cloud, 'orders', paid.id).status).toBe('paid');
    expect(stockOf(sku)).toBe(8);
    expect(couponOf(couponId).status).toBe('issued');
    expect(memberOf(memberId).points.available).toBe(1_000);
    expect(await cloud.runTimer('job-cancel-unpaid')).toMatchObject({ ok: true, data: { scanned: 0 } });
  });

  it('a placement cut short after its holds finishes on the retry without taking anything twice', async () => {
    const sku = addProduct(cloud, 'resume-pen', { title: '钢笔', priceFen: 15_000, stock: 5 });
    const { client, memberId } = await shopperWith(3_000);
    const couponId = giveCoupon(cloud, memberId, 'resume-20', { kind: 'cash', thresholdFen: 10_000, amountFen: 2_000 });
    const body = {
      items: [{ skuId: sku, quantity: 1 }],
      couponIds: [couponId],
      pointsRequested: 3_000,
      delivery: { mode: 'delivery', address: ADDRESS },
    };
    const preview = data(
      (await client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body,
    );
    const request = { action: 'place', ...body, expectedPayableFen: preview.breakdown.payableFen, clientKey: 'resume-order-1' };
    const order = data((await client.call<Envelope<OrderView>>('orders', request)).body);
    // As if the request died after holding everything, before opening the order for payment.
    patchDoc(cloud, 'orders', order.id, { status: 'placing', progress: 'couponsLocked', leaseUntil: 0, timeline: [] });
    const resumed = data((await client.call<Envelope<OrderView>>('orders', request)).body);
    expect(resumed).toMatchObject({ id: order.id, status: 'pendingPayment' });
    expect(stockOf(sku)).toBe(4);
    expect(couponOf(couponId)).toMatchObject({ status: 'locked', lockedBy: order.id });
    expect(memberOf(memberId).points.available).toBe(0);
    expect(
      cloud.store.count('ledger_entries', ["json_extract(doc, '$.kind') = ?", "json_extract(doc, '$.memberId') = ?"], ['spend', memberId]),
    ).toBe(1);
  });

  it('picks up in store with the pickup code, then refunds the whole order before anything shipped: stock, coupon and shipping come back', async () => {
    const sku = addProduct(cloud, 'pickup-cake', { title: '蛋糕券', priceFen: 6_600, stock: 6 });
    const { client, memberId } = await shopperWith(0);
    const pickup = data(
      await place(client, { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'pickup', storeId: 'jingan' } }),
    );
    expect(pickup.breakdown.shippingFeeFen).toBe(0);
    // Pickup is priced before a store is chosen, as delivery is before an address; placing needs the store.
    const unchosen = await client.call<Envelope<OrderPreview>>('orders', {
      action: 'preview',
      items: [{ skuId: sku, quantity: 1 }],
      delivery: { mode: 'pickup' },
    });
    expect(data(unchosen.body).breakdown).toMatchObject({ shippingFeeFen: 0, payableFen: pickup.breakdown.payableFen });
    expect(
      (
        await client.call('orders', {
          action: 'place',
          items: [{ skuId: sku, quantity: 1 }],
          delivery: { mode: 'pickup' },
          expectedPayableFen: 0,
          clientKey: 'no-store-0001',
        })
      ).body,
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const start = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: pickup.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    const ready = data((await client.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: pickup.id })).body);
    const code = ready.delivery.mode === 'pickup' ? ready.delivery.pickupCode : null;
    expect(code).toMatch(/^\d{6}$/);
    expect((await client.call('orders', { action: 'confirmReceipt', orderId: pickup.id })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(data((await admin<Envelope<OrderDoc>>('completePickup', { pickupCode: code })).body)).toMatchObject({ status: 'completed' });
    expect(memberOf(memberId).points.pending).toBe(66);

    const couponId = giveCoupon(cloud, memberId, 'full-refund-5', { kind: 'cash', thresholdFen: 5_000, amountFen: 500 });
    const delivered = data(
      await place(client, {
        items: [{ skuId: sku, quantity: 1 }],
        couponIds: [couponId],
        pointsRequested: 0,
        delivery: { mode: 'delivery', address: ADDRESS },
      }),
    );
    expect(delivered.breakdown).toMatchObject({ goodsSubtotalFen: 6_600, couponDiscountFen: 500, shippingFeeFen: 800, payableFen: 6_900 });
    const paid = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: delivered.id })).body);
    await cloud.settlePayment(paid.outTradeNo, 'SUCCESS');
    expect(stockOf(sku)).toBe(4);
    const asked = data(
      (
        await client.call<Envelope<OrderView>>('orders', {
          action: 'requestRefund',
          orderId: delivered.id,
          reason: '买错了',
          clientKey: 'full-refund-1',
        })
      ).body,
    );
    const refundId = asked.refunds[0]?.id as string;
    expect(asked.refunds[0]).toMatchObject({ lineIds: ['L1'], amountFen: 6_900, couponPolicy: 'returned' });
    const refund = data((await admin<Envelope<RefundDoc>>('approveRefund', { refundId, expectedRefundFen: 6_900 })).body);
    expect(refund).toMatchObject({ status: 'refunded', amountFen: 6_900, restock: true, pointsClawedBack: 61 });
    const after = data((await client.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: delivered.id })).body);
    expect(after).toMatchObject({ status: 'refunded', refundedFen: 6_900, can: { requestRefund: false } });
    expect(stockOf(sku)).toBe(5);
    expect(couponOf(couponId)).toMatchObject({ status: 'issued', usedBy: null, releasedBy: delivered.id });
    expect(memberOf(memberId).points).toMatchObject({ available: 0, pending: 66 });
    expect((await admin('shipOrder', { orderId: delivered.id, carrier: '顺丰速运', trackingNo: 'SF0000000001' })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('an admin rejects a refund with a note, and the member may ask again', async () => {
    const sku = addProduct(cloud, 'reject-bag', { title: '帆布袋', priceFen: 3_900, stock: 3 });
    const { client } = await shopperWith(0);
    const order = data(
      await place(client, { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } }),
    );
    const start = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    const asked = data(
      (
        await client.call<Envelope<OrderView>>('orders', {
          action: 'requestRefund',
          orderId: order.id,
          reason: '不想要了',
          clientKey: 'reject-1',
        })
      ).body,
    );
    const refundId = asked.refunds[0]?.id as string;
    expect(data((await admin<Envelope<RefundDoc>>('rejectRefund', { refundId, note: '商品已发出，请收货后申请' })).body)).toMatchObject({
      status: 'rejected',
    });
    expect((await admin('approveRefund', { refundId, expectedRefundFen: 4_700 })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const view = data((await client.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: order.id })).body);
    expect(view.refunds[0]).toMatchObject({ status: 'rejected', reviewNote: '商品已发出，请收货后申请' });
    expect(view.can.requestRefund).toBe(true);
  });

  it('an approval racing a rejection of the same refund ends one way only: money back and refunded, or rejected and nothing paid', async () => {
    const sku = addProduct(cloud, 'race-refund-bag', { title: '环保袋', priceFen: 2_900, stock: 50 });
    const { client } = await shopperWith(0);
    const refundIds: string[] = [];
    const orders: OrderView[] = [];
    for (let i = 0; i < 6; i += 1) {
      const order = data(
        await place(client, { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } }),
      );
      const start = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
      await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
      const asked = data(
        (
          await client.call<Envelope<OrderView>>('orders', {
            action: 'requestRefund',
            orderId: order.id,
            reason: '不想要了',
            clientKey: `race-refund-${i}`,
          })
        ).body,
      );
      orders.push(order);
      refundIds.push(asked.refunds[0]?.id as string);
    }
    await Promise.all(
      refundIds.flatMap((refundId) => [
        admin('approveRefund', { refundId, expectedRefundFen: 3_700 }),
        admin('rejectRefund', { refundId, note: '同时驳回' }),
      ]),
    );
    for (const [i, refundId] of refundIds.entries()) {
      const refund = docOf(cloud, 'refunds', refundId);
      const paidBack = cloud.payments.refunds((orders[i] as OrderView).orderNo).length;
      expect([refund.status, paidBack]).toEqual(refund.status === 'refunded' ? ['refunded', 1] : ['rejected', 0]);
    }
  });

  it('a cancel racing the start of a payment never leaves a cancelled order payable', async () => {
    const sku = addProduct(cloud, 'race-cancel-pen', { title: '中性笔', priceFen: 1_200, stock: 50 });
    const { client } = await shopperWith(0);
    for (let i = 0; i < 6; i += 1) {
      const order = data(
        await place(client, { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'pickup', storeId: 'jingan' } }),
      );
      await Promise.all([
        client.call('orders', { action: 'pay', orderId: order.id }),
        client.call('orders', { action: 'cancel', orderId: order.id }),
      ]);
      const stored = docOf(cloud, 'orders', order.id);
      const payment = cloud.payments.get(stored.orderNo);
      if (stored.status === 'cancelled') expect(payment?.state ?? 'none').not.toBe('NOTPAY');
      else expect(stored.status).toBe('pendingPayment');
    }
    expect(stockOf(sku)).toBe(50 - docsWhere('orders', (o) => o.lines[0]?.skuId === sku && o.status === 'pendingPayment').length);
  });

  it('rejects malformed input on every orders action with a clear error and writes nothing', async () => {
    const sku = addProduct(cloud, 'bad-input', { title: '测试品', priceFen: 1_000, stock: 5 });
    const { client } = await shopperWith(0);
    const other = await shopperWith(0);
    const mine = data(
      await place(client, { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'pickup', storeId: 'jingan' } }),
    );
    const counts = () => ['orders', 'refunds', 'payments', 'ledger_entries', 'coupon_instances'].map((name) => cloud.store.count(name));
    const before = counts();
    const stockBefore = stockOf(sku);
    const good = { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } };
    const cases: [Record<string, unknown>, string][] = [
      [{ action: 'preview' }, 'VALIDATION_FAILED'],
      [{ action: 'preview', ...good, items: [] }, 'VALIDATION_FAILED'],
      [{ action: 'preview', ...good, items: [{ skuId: sku, quantity: 0 }] }, 'VALIDATION_FAILED'],
      [{ action: 'preview', ...good, items: [{ skuId: sku, quantity: 1.5 }] }, 'VALIDATION_FAILED'],
      [{ action: 'preview', ...good, items: [{ skuId: 'nope', quantity: 1 }] }, 'VALIDATION_FAILED'],
      [
        {
          action: 'preview',
          ...good,
          items: [
            { skuId: sku, quantity: 1 },
            { skuId: sku, quantity: 2 },
          ],
        },
        'VALIDATION_FAILED',
      ],
      [{ action: 'preview', ...good, items: [{ skuId: 'ghost:1', quantity: 1 }] }, 'NOT_AVAILABLE'],
      [{ action: 'preview', ...good, items: [{ skuId: sku, quantity: 99 }] }, 'OUT_OF_STOCK'],
      [{ action: 'preview', ...good, pointsRequested: -5 }, 'VALIDATION_FAILED'],
      [{ action: 'preview', ...good, couponIds: ['campaign:not-mine:m1'] }, 'NOT_ELIGIBLE'],
      [{ action: 'preview', ...good, delivery: { mode: 'delivery', address: { ...ADDRESS, phone: '12345' } } }, 'VALIDATION_FAILED'],
      [{ action: 'preview', ...good, delivery: { mode: 'pickup', storeId: 'nowhere' } }, 'NOT_AVAILABLE'],
      [{ action: 'preview', ...good, delivery: { mode: 'teleport' } }, 'VALIDATION_FAILED'],
      [{ action: 'place', ...good, expectedPayableFen: 1_800 }, 'VALIDATION_FAILED'],
      [
        { action: 'place', ...good, delivery: { mode: 'delivery' }, expectedPayableFen: 1_800, clientKey: 'bad-input-4' },
        'VALIDATION_FAILED',
      ],
      [{ action: 'place', ...good, expectedPayableFen: 1_800, clientKey: 'short' }, 'VALIDATION_FAILED'],
      [{ action: 'place', ...good, expectedPayableFen: -1, clientKey: 'bad-input-1' }, 'VALIDATION_FAILED'],
      [{ action: 'place', ...good, expectedPayableFen: 1, clientKey: 'bad-input-2' }, 'PRICE_CHANGED'],
      [{ action: 'place', ...good, expectedPayableFen: 1_800, clientKey: 'bad-input-3', memberId: 'm-else' }, 'VALIDATION_FAILED'],
      [{ action: 'pay' }, 'VALIDATION_FAILED'],
      [{ action: 'pay', orderId: 'not-an-order' }, 'VALIDATION_FAILED'],
      [{ action: 'pay', orderId: 'o0000000000000000000000' }, 'NOT_FOUND'],
      [{ action: 'cancel', orderId: mine.id, reason: 'x'.repeat(61) }, 'VALIDATION_FAILED'],
      [{ action: 'confirmReceipt', orderId: 42 }, 'VALIDATION_FAILED'],
      [{ action: 'list', status: 'lost' }, 'VALIDATION_FAILED'],
      [{ action: 'list', pageSize: 500 }, 'VALIDATION_FAILED'],
      [{ action: 'list', cursor: '%%%' }, 'VALIDATION_FAILED'],
      [{ action: 'detail', orderId: mine.id, extra: true }, 'VALIDATION_FAILED'],
      [{ action: 'requestRefund', orderId: mine.id, reason: '', clientKey: 'refund-bad-1' }, 'VALIDATION_FAILED'],
      [{ action: 'requestRefund', orderId: mine.id, reason: '坏了', clientKey: 'refund-bad-2', lineIds: ['X9'] }, 'VALIDATION_FAILED'],
      [{ action: 'requestRefund', orderId: mine.id, reason: '坏了', clientKey: 'refund-bad-3' }, 'INVALID_STATE'],
      [{ action: 'stores', all: true }, 'VALIDATION_FAILED'],
      [{ action: 'shipEverything' }, 'UNKNOWN_ACTION'],
    ];
    const noAddressYet = await client.call<Envelope<{ breakdown: { shippingFeeFen: number; payableFen: number } }>>('orders', {
      action: 'preview',
      ...good,
      delivery: { mode: 'delivery' },
    });
    expect(data(noAddressYet.body).breakdown).toMatchObject({ shippingFeeFen: 800, payableFen: 1_800 });
    for (const [body, code] of cases) {
      const res = (await client.call<Envelope<unknown>>('orders', body)).body;
      expect([JSON.stringify(body).slice(0, 80), res]).toEqual([
        JSON.stringify(body).slice(0, 80),
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) }),
      ]);
    }
    expect((await other.client.call('orders', { action: 'detail', orderId: mine.id })).body).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await other.client.call('orders', { action: 'cancel', orderId: mine.id })).body).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const adminCases: [string, Record<string, unknown>, string][] = [
      ['shipOrder', { orderId: mine.id, trackingNo: '' }, 'VALIDATION_FAILED'],
      ['shipOrder', { orderId: mine.id, carrier: '顺丰速运', trackingNo: 'SF0000000009' }, 'INVALID_STATE'],
      ['shipOrder', { orderId: mine.id, carrier: '随便快递', trackingNo: 'SF0000000009' }, 'VALIDATION_FAILED'],
      ['completePickup', { pickupCode: '12' }, 'VALIDATION_FAILED'],
      ['completePickup', { pickupCode: '000000' }, 'NOT_FOUND'],
      ['approveRefund', { refundId: 'nope' }, 'VALIDATION_FAILED'],
      ['approveRefund', { refundId: 'r0000000000000000000000' }, 'VALIDATION_FAILED'],
      ['approveRefund', { refundId: 'r0000000000000000000000', expectedRefundFen: 100 }, 'NOT_FOUND'],
      ['previewRefund', { refundId: 'r0000000000000000000000' }, 'NOT_FOUND'],
      ['confirmReturnReceived', { refundId: 'r0000000000000000000000', expectedRefundFen: -1 }, 'VALIDATION_FAILED'],
      ['rejectRefund', { refundId: 'r0000000000000000000000', note: '' }, 'VALIDATION_FAILED'],
      ['listOrders', { status: 'lost' }, 'VALIDATION_FAILED'],
    ];
    for (const [action, payload, code] of adminCases) {
      expect((await admin(action, payload)).body).toMatchObject({ ok: false, error: { code } });
    }
    expect((await new GatewayClient(cloud.url).call('admin', { action: 'listOrders', token: 'x'.repeat(20) })).body).toMatchObject({
      ok: false,
    });
    expect(counts()).toEqual(before);
    expect(stockOf(sku)).toBe(stockBefore);
  });
});
