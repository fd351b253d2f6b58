import type { LocalCloud } from '../../local-cloud/local-cloud';
import { MINUTE_MS } from '~/core/calendar/durations';
import type { OrderView, PaymentStart } from '~/types/functions/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, adminCaller, docOf, giveCoupon, patchDoc } from '../support/shop';
import { storedInOrder } from '../support/stored';
import { allowAdjustmentsUpTo } from '../support/programme';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'window-admin-password';
const ADDRESS = { name: '吴二', phone: '13900139001', region: '上海市 徐汇区', detail: '漕溪北路 1 号' };

/**
 * The window between WeChat Pay taking the money and its callback arriving: whatever the
 * member or the unpaid sweep does meanwhile, WeChat Pay is asked first, a paid order stays paid
 * (its payment applied once, the later callback changing nothing), and when WeChat Pay cannot be
 * asked nothing is cancelled.
 */
describe('checkout: paid at WeChat Pay before the callback arrives', () => {
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;
  let counter = 0;

  const stockOf = (skuId: string) => docOf(cloud, 'sku_stock', skuId).stock;
  const orderOf = (id: string) => docOf(cloud, 'orders', id);
  const couponOf = (id: string) => docOf(cloud, 'coupon_instances', id);
  const pointsOf = (memberId: string) => docOf(cloud, 'members', memberId).points;
  const earnedFor = (orderId: string) => storedInOrder(cloud, 'ledger_entries').filter((e) => e.kind === 'earn' && e.ref.id === orderId);
  const paymentsFor = (orderId: string) => storedInOrder(cloud, 'payments').filter((p) => p.orderId === orderId);

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

  /** An order of `quantity` units with a coupon and points, its payment started at WeChat Pay. */
  async function startedOrder(product: string, quantity = 1) {
    const sku = addProduct(cloud, product, { title: `商品${product}`, priceFen: 10_000, stock: 5 });
    const { client, memberId } = await shopperWith(500);
    const couponId = giveCoupon(cloud, memberId, `${product}-coupon`, { kind: 'cash', thresholdFen: 5_000, amountFen: 1_000 });
    const body = {
      items: [{ skuId: sku, quantity }],
      couponIds: [couponId],
      pointsRequested: 500,
      delivery: { mode: 'delivery', address: ADDRESS },
    };
    const preview = data(
      (await client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body,
    );
    counter += 1;
    const order = data(
      (
        await client.call<Envelope<OrderView>>('orders', {
          action: 'place',
          ...body,
          expectedPayableFen: preview.breakdown.payableFen,
          clientKey: `window-order-${counter}`,
        })
      ).body,
    );
    const start = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    expect(start.paid).toBe(false);
    return { product, sku, client, memberId, couponId, order, outTradeNo: start.outTradeNo };
  }

  /** Paid at WeChat Pay, the callback held back. */
  async function paidWithoutCallback(outTradeNo: string): Promise<string> {
    const payment = (await cloud.settlePayment(outTradeNo, 'SUCCESS', { deliver: false })) as { transactionId: string };
    return payment.transactionId;
  }

  /** Everything the payment's effects touch, to compare before and after a repeated delivery. */
  const effects = (o: Awaited<ReturnType<typeof startedOrder>>) => ({
    order: orderOf(o.order.id),
    stock: docOf(cloud, 'sku_stock', o.sku),
    sales: docOf(cloud, 'products', o.product).salesCount,
    coupon: couponOf(o.couponId),
    points: pointsOf(o.memberId),
    earned: earnedFor(o.order.id).length,
    payments: paymentsFor(o.order.id).length,
    refunds: cloud.payments.refunds(o.outTradeNo).length,
  });

  const sweep = async () =>
    (await cloud.runTimer('job-cancel-unpaid')) as {
      ok: boolean;
      data: { scanned: number; changed: number; skipped: number; failed: number };
    };

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'w'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    allowAdjustmentsUpTo(cloud, 3_000);
    admin = await adminCaller(cloud, PASSWORD);
  });

  afterAll(() => cloud?.stop());

  afterEach(() => cloud.payments.setOutage([]));

  it('a second tap on Pay answers the order as paid and applies the payment; the late callback then changes nothing', async () => {
    const o = await startedOrder('window-pay', 2);
    const transactionId = await paidWithoutCallback(o.outTradeNo);
    const again = await o.client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: o.order.id });
    expect(again.body).toMatchObject({ ok: true, data: { paid: true, payment: null, outTradeNo: o.outTradeNo } });
    expect(orderOf(o.order.id)).toMatchObject({ status: 'paid', transactionId });
    const applied = effects(o);
    expect(applied).toMatchObject({ sales: 2, coupon: { status: 'used' }, earned: 1, payments: 1, refunds: 0 });
    expect(applied.stock.stock).toBe(3);
    expect(applied.points.pending).toBeGreaterThan(0);

    expect(await cloud.deliverPaymentCallback(o.outTradeNo)).toMatchObject({ errcode: 0 });
    expect(effects(o)).toEqual(applied);
    const view = data((await o.client.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: o.order.id })).body);
    expect(view).toMatchObject({ status: 'paid', can: { pay: false, cancel: false } });
  });

  it('a tap on Pay after the deadline answers an order paid just before it as paid, not expired', async () => {
    const o = await startedOrder('window-pay-late');
    const transactionId = await paidWithoutCallback(o.outTradeNo);
    patchDoc(cloud, 'orders', o.order.id, { payDeadline: Date.now() - MINUTE_MS });
    const again = await o.client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: o.order.id });
    expect(again.body).toMatchObject({ ok: true, data: { paid: true, payment: null } });
    expect(orderOf(o.order.id)).toMatchObject({ status: 'paid', transactionId });
    expect(cloud.payments.refunds(o.outTradeNo)).toEqual([]);
  });

  it("refuses the member's cancel of an order paid at WeChat Pay: the order stays paid and nothing is refunded", async () => {
    const o = await startedOrder('window-cancel');
    const transactionId = await paidWithoutCallback(o.outTradeNo);
    const cancel = await o.client.call<Envelope<OrderView>>('orders', { action: 'cancel', orderId: o.order.id, reason: '不想要了' });
    expect(cancel.body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '订单已支付，不能取消' } });
    expect(orderOf(o.order.id)).toMatchObject({ status: 'paid', transactionId, cancelledAt: null });
    const applied = effects(o);
    expect(applied).toMatchObject({ coupon: { status: 'used' }, earned: 1, payments: 1, refunds: 0 });
    expect(applied.stock.stock).toBe(4);
    expect(cloud.payments.get(o.outTradeNo)?.state).toBe('SUCCESS');

    expect(await cloud.deliverPaymentCallback(o.outTradeNo)).toMatchObject({ errcode: 0 });
    expect(effects(o)).toEqual(applied);
  });

  it('the unpaid sweep past the deadline leaves an order paid at WeChat Pay paid, applies its payment, and refunds nothing', async () => {
    const o = await startedOrder('window-sweep');
    const transactionId = await paidWithoutCallback(o.outTradeNo);
    patchDoc(cloud, 'orders', o.order.id, { payDeadline: Date.now() - MINUTE_MS });
    expect(await sweep()).toMatchObject({ ok: true, data: { failed: 0 } });
    expect(orderOf(o.order.id)).toMatchObject({ status: 'paid', transactionId, cancelledAt: null });
    const applied = effects(o);
    expect(applied).toMatchObject({ coupon: { status: 'used' }, earned: 1, payments: 1, refunds: 0 });
    expect(applied.stock.stock).toBe(4);

    expect(await cloud.deliverPaymentCallback(o.outTradeNo)).toMatchObject({ errcode: 0 });
    expect(effects(o)).toEqual(applied);
  });

  it('an order WeChat Pay reports unpaid is still cancelled by its member and by the sweep, and gives everything back', async () => {
    const byMember = await startedOrder('window-notpay-member');
    const cancelled = await byMember.client.call<Envelope<OrderView>>('orders', { action: 'cancel', orderId: byMember.order.id });
    expect(cancelled.body).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(stockOf(byMember.sku)).toBe(5);
    expect(couponOf(byMember.couponId).status).toBe('issued');
    expect(pointsOf(byMember.memberId).available).toBe(500);
    expect(cloud.payments.get(byMember.outTradeNo)?.state).toBe('CLOSED');

    const bySweep = await startedOrder('window-notpay-sweep');
    patchDoc(cloud, 'orders', bySweep.order.id, { payDeadline: Date.now() - MINUTE_MS });
    expect(await sweep()).toMatchObject({ ok: true, data: { failed: 0 } });
    expect(orderOf(bySweep.order.id)).toMatchObject({ status: 'cancelled', holdsReturned: true });
    expect(stockOf(bySweep.sku)).toBe(5);
    expect(couponOf(bySweep.couponId).status).toBe('issued');
    expect(pointsOf(bySweep.memberId).available).toBe(500);
    expect(cloud.payments.get(bySweep.outTradeNo)?.state).toBe('CLOSED');
  });

  it('cancels nothing while WeChat Pay cannot be asked: the member is asked to try again, the sweep tries again later', async () => {
    const paid = await startedOrder('window-outage-paid');
    await paidWithoutCallback(paid.outTradeNo);
    const unpaid = await startedOrder('window-outage-unpaid');
    cloud.payments.setOutage(['queryOrder']);
    // A second tap on Pay cannot tell either: it fails, and never answers the order as paid.
    const pay = await paid.client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: paid.order.id });
    expect(pay.body).toMatchObject({ ok: false, error: { code: 'PAYMENT_FAILED' } });
    expect(orderOf(paid.order.id).status).toBe('pendingPayment');

    for (const o of [paid, unpaid]) {
      const cancel = await o.client.call<Envelope<OrderView>>('orders', { action: 'cancel', orderId: o.order.id });
      expect(cancel.body).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringMatching(/稍后再试/) } });
    }
    for (const o of [paid, unpaid]) patchDoc(cloud, 'orders', o.order.id, { payDeadline: Date.now() - MINUTE_MS });
    expect(await sweep()).toMatchObject({ ok: true, data: { failed: 2 } });
    for (const o of [paid, unpaid]) {
      expect(orderOf(o.order.id)).toMatchObject({ status: 'pendingPayment', cancelledAt: null });
      expect(stockOf(o.sku)).toBe(4);
      expect(couponOf(o.couponId).status).toBe('locked');
      expect(cloud.payments.refunds(o.outTradeNo)).toEqual([]);
    }
    expect(cloud.payments.get(unpaid.outTradeNo)?.state).toBe('NOTPAY');

    cloud.payments.setOutage([]);
    expect(await sweep()).toMatchObject({ ok: true, data: { failed: 0 } });
    expect(orderOf(paid.order.id)).toMatchObject({ status: 'paid', cancelledAt: null });
    expect(orderOf(unpaid.order.id)).toMatchObject({ status: 'cancelled', holdsReturned: true });
    expect(cloud.payments.refunds(paid.outTradeNo)).toEqual([]);
  });
});
