import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DAY_MS } from '~/core/calendar/durations';
import type { OrderPreview, OrderView, PaymentStart } from '~/types/functions/orders';
import type { RefundDoc } from '~/types/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, adminCaller, docOf, giveCoupon } from '../support/shop';
import { allStored } from '../support/stored';
import { allowAdjustmentsUpTo } from '../support/programme';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'checkout-admin-password';
const ADDRESS = { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' };

/**
 * The checkout numbers, for a 银卡 member (98 % member price, points ×1.2):
 *   L1 咖啡豆 ¥128.00 × 1 → member ¥125.44 (12800 × 0.98)
 *   L2 马克杯 ¥49.00 × 2  → member ¥48.02 each, ¥96.04
 *   L3 特价纸巾 ¥19.90 × 1, no member price → ¥19.90
 *   goods ¥241.38 ≥ ¥200: the ¥20-off-¥200 coupon applies; split by largest remainder over
 *   12544 / 9604 / 1990 → 1039.36 / 795.76 / 164.88 → 1039 / 796 / 165 (the .88 and .76 get the 2 fen left)
 *   after the coupon 11505 / 8808 / 1825 = ¥221.38; points cap 50 % = ¥110.69; the member asks for all
 *   5,000 points = ¥50.00 → 2598.47 / 1989.34 / 412.19 → 2599 / 1989 / 412
 *   paid 8906 / 6819 / 1413 = ¥171.38; delivery free from ¥99; payable ¥171.38
 *   earns floor(171.38 × 1.2) = 205 points, split 106.53 / 81.57 / 16.90 → 106 / 82 / 17
 */
describe('a member buys three lines with a coupon and points, pays, receives and refunds one line', () => {
  let cloud: LocalCloud;
  let shopper: GatewayClient;
  let admin: Awaited<ReturnType<typeof adminCaller>>;
  let memberId: string;
  let couponId: string;
  let skus: string[];
  const ledger = () => allStored(cloud, 'ledger_entries').filter((entry) => entry.memberId === memberId);
  const member = () => docOf(cloud, 'members', memberId);
  const stock = () => skus.map((sku) => docOf(cloud, 'sku_stock', sku).stock);
  const coupon = () => docOf(cloud, 'coupon_instances', couponId);
  const checkout = {
    items: [] as { skuId: string; quantity: number }[],
    couponIds: [] as string[],
    pointsRequested: 5_000,
    delivery: { mode: 'delivery', address: ADDRESS },
  };

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'c'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    allowAdjustmentsUpTo(cloud, 5_000);
    admin = await adminCaller(cloud, PASSWORD);
    skus = [
      addProduct(cloud, 'beans', { title: '咖啡豆', priceFen: 12_800, stock: 10 }),
      addProduct(cloud, 'mug', { title: '马克杯', priceFen: 4_900, stock: 5 }),
      addProduct(cloud, 'tissue', { title: '特价纸巾', priceFen: 1_990, stock: 3, memberPrice: false }),
    ];
    shopper = new GatewayClient(cloud.url);
    await shopper.login();
    memberId = data((await shopper.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body).memberId;
    cloud.store.replace('members', { ...member(), tierId: 'silver' });
    data(
      (await admin('adjustPoints', { memberId, points: 5_000, reason: '测试积分', requestKey: 'grant-5000' })).body as Envelope<unknown>,
    );
    couponId = giveCoupon(cloud, memberId, 'cash-20-off-200', { kind: 'cash', thresholdFen: 20_000, amountFen: 2_000 });
    checkout.items = [
      { skuId: skus[0] as string, quantity: 1 },
      { skuId: skus[1] as string, quantity: 2 },
      { skuId: skus[2] as string, quantity: 1 },
    ];
    checkout.couponIds = [couponId];
  });

  afterAll(() => cloud?.stop());

  let order: OrderView;
  let previewed: OrderPreview['breakdown'];

  it('previews the exact breakdown, and the coupon picker says why others do not apply', async () => {
    giveCoupon(cloud, memberId, 'cash-50-off-500', { kind: 'cash', thresholdFen: 50_000, amountFen: 5_000 });
    const preview = data((await shopper.call<Envelope<OrderPreview>>('orders', { action: 'preview', ...checkout })).body);
    expect(preview.breakdown).toEqual({
      listFen: 12_800 + 9_800 + 1_990,
      memberDiscountFen: 24_590 - 24_138,
      goodsSubtotalFen: 24_138,
      couponDiscountFen: 2_000,
      pointsUsed: 5_000,
      pointsDiscountFen: 5_000,
      shippingFeeFen: 0,
      shippingDiscountFen: 0,
      payableFen: 17_138,
      pointsToEarn: 205,
    });
    expect(preview.lines.map((line) => [line.couponFen, line.pointsFen, line.paidFen])).toEqual([
      [1_039, 2_599, 8_906],
      [796, 1_989, 6_819],
      [165, 412, 1_413],
    ]);
    expect(preview.points).toMatchObject({ available: 5_000, usableMax: 5_000, usableMaxFen: 5_000 });
    previewed = preview.breakdown;
    const other = preview.coupons.find((c) => c.title === 'cash-50-off-500');
    expect(other).toMatchObject({ selected: false, discountFen: 0, unusableReason: '还差¥258.62可用' });
  });

  it('refuses a stale total with the new breakdown, changing nothing', async () => {
    const stale = await shopper.call<Envelope<OrderView>>('orders', {
      action: 'place',
      ...checkout,
      expectedPayableFen: 17_000,
      clientKey: 'order-stale-1',
    });
    expect(stale.body).toMatchObject({
      ok: false,
      error: { code: 'PRICE_CHANGED', details: { preview: { breakdown: { payableFen: 17_138 } } } },
    });
    expect(stock()).toEqual([10, 5, 3]);
    expect(member().points.available).toBe(5_000);
    expect(coupon().status).toBe('issued');
  });

  it('places the order once, holding stock, the coupon and the points; a replay changes nothing', async () => {
    const place = { action: 'place', ...checkout, expectedPayableFen: 17_138, clientKey: 'order-journey-1' };
    const [first, replay] = await Promise.all([
      shopper.call<Envelope<OrderView>>('orders', place),
      shopper.call<Envelope<OrderView>>('orders', place),
    ]);
    order = data(first.body);
    expect(data(replay.body).id).toBe(order.id);
    expect(data((await shopper.call<Envelope<OrderView>>('orders', place)).body).id).toBe(order.id);
    expect(order).toMatchObject({ status: 'pendingPayment', can: { pay: true, cancel: true } });
    expect(order.breakdown).toEqual(previewed);
    expect(stock()).toEqual([9, 3, 2]);
    expect(coupon()).toMatchObject({ status: 'locked', lockedBy: order.id });
    expect(member().points).toMatchObject({ available: 0, pending: 0 });
    expect(ledger().filter((entry) => entry.kind === 'spend')).toHaveLength(1);
    const stored = docOf(cloud, 'orders', order.id);
    expect(stored.lines.map((line) => line.pointsUsed)).toEqual([2_599, 1_989, 412]);
  });

  it('pays once, however often WeChat Pay calls back', async () => {
    const start = data((await shopper.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    expect(start).toMatchObject({
      orderId: order.id,
      payableFen: 17_138,
      paid: false,
      payment: { package: expect.stringMatching(/^prepay_id=/) },
    });
    data((await shopper.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    expect(cloud.payments.get(start.outTradeNo)).toMatchObject({ totalFee: 17_138, state: 'NOTPAY' });

    const callback = (await cloud.settlePayment(start.outTradeNo, 'SUCCESS')) as { errcode: number };
    expect(callback.errcode).toBe(0);
    const { transactionId } = cloud.payments.get(start.outTradeNo) as { transactionId: string };
    const event = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: start.outTradeNo, transactionId, totalFee: 17_138 };
    const again = await Promise.all([1, 2, 3, 4].map(() => cloud.invoke('pay-callback', event, { source: 'wx_paycallback' })));
    expect(again).toEqual([1, 2, 3, 4].map(() => ({ errcode: 0, errmsg: 'OK' })));
    expect(await cloud.invoke('pay-callback', event, { source: 'wx_client', openid: 'o-forger' })).toMatchObject({ errcode: 403 });

    const payments = allStored(cloud, 'payments');
    expect(payments).toEqual([expect.objectContaining({ orderId: order.id, transactionId, totalFee: 17_138, outcome: 'applied' })]);
    const paid = data((await shopper.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: order.id })).body);
    expect(paid).toMatchObject({ status: 'paid', can: { pay: false, cancel: false, requestRefund: true } });
    expect(coupon()).toMatchObject({ status: 'used', usedBy: order.id });
    expect(member().points).toMatchObject({ available: 0, pending: 205 });
    expect(member().lastPaidAt).toEqual(expect.any(Number));
    const earn = ledger().find((entry) => entry.kind === 'earn');
    expect(earn?.snapshot?.lines?.map((line) => line.points)).toEqual([106, 82, 17]);
    expect(ledger().filter((entry) => entry.kind === 'earn')).toHaveLength(1);
    expect(data((await shopper.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body)).toMatchObject({
      paid: true,
      payment: null,
    });
    expect((await shopper.call('orders', { action: 'cancel', orderId: order.id })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('ships and is received; receiving again changes nothing', async () => {
    expect((await shopper.call('orders', { action: 'confirmReceipt', orderId: order.id })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    data((await admin('shipOrder', { orderId: order.id, carrier: '顺丰速运', trackingNo: 'SF1234567890' })).body as Envelope<unknown>);
    data((await admin('shipOrder', { orderId: order.id, carrier: '顺丰速运', trackingNo: 'SF1234567890' })).body as Envelope<unknown>);
    const received = data((await shopper.call<Envelope<OrderView>>('orders', { action: 'confirmReceipt', orderId: order.id })).body);
    expect(received).toMatchObject({ status: 'completed', can: { confirmReceipt: false, requestRefund: true } });
    data((await shopper.call<Envelope<OrderView>>('orders', { action: 'confirmReceipt', orderId: order.id })).body);
    const lot = docOf(cloud, 'point_lots', `pending:earn:order:${order.id}`);
    expect(lot.pendingUntil).toBe((received.completedAt as number) + 7 * DAY_MS);
    expect(received.timeline.map((event) => event.status)).toEqual(['pendingPayment', 'paid', 'shipped', 'completed']);
  });

  it('refunds the mugs exactly: their paid amount, their points back, their earned points clawed back', async () => {
    const ask = { action: 'requestRefund', orderId: order.id, lineIds: ['L2'], reason: '杯子有裂纹', clientKey: 'refund-mug-1' };
    const asked = data((await shopper.call<Envelope<OrderView>>('orders', ask)).body);
    data((await shopper.call<Envelope<OrderView>>('orders', ask)).body);
    expect(asked.refunds).toEqual([
      expect.objectContaining({ lineIds: ['L2'], status: 'requested', amountFen: 6_819, pointsReturned: 1_989, couponPolicy: 'kept' }),
    ]);
    expect((await shopper.call('orders', { ...ask, clientKey: 'refund-mug-2' })).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const refundId = asked.refunds[0]?.id as string;

    const approved = await admin<Envelope<RefundDoc>>('approveRefund', { refundId, expectedRefundFen: 6_819 });
    expect(data(approved.body)).toMatchObject({
      status: 'refunded',
      amountFen: 6_819,
      pointsReturned: 1_989,
      pointsClawedBack: 82,
      restock: false,
    });
    data((await admin<Envelope<RefundDoc>>('approveRefund', { refundId, expectedRefundFen: 6_819 })).body);
    expect(cloud.payments.refunds(order.orderNo)).toEqual([expect.objectContaining({ refundFee: 6_819 })]);

    const after = data((await shopper.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: order.id })).body);
    expect(after).toMatchObject({ status: 'completed', refundedFen: 6_819 });
    expect(after.timeline.map((event) => event.status)).toEqual([
      'pendingPayment',
      'paid',
      'shipped',
      'completed',
      'refundRequested',
      'refundApproved',
      'lineRefunded',
    ]);
    expect(after.lines.map((line) => line.refundId)).toEqual([null, refundId, null]);
    expect(member().points).toMatchObject({ available: 1_989, pending: 123 });
    expect(coupon()).toMatchObject({ status: 'used', usedBy: order.id });
    expect(stock()).toEqual([9, 3, 2]);
    const kinds = ledger().map((entry) => [entry.kind, entry.available, entry.pending]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['spend', -5_000, 0],
        ['earn', 0, 205],
        ['refund', 1_989, 0],
        ['clawback', 0, -82],
      ]),
    );
    expect(ledger()).toHaveLength(5);
  });
});
