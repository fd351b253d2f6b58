import { MINUTE_MS } from '~/core/calendar/durations';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { OrderView, PaymentStart } from '~/types/functions/orders';
import type { RefundDoc } from '~/types/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, adminCaller, docOf } from '../support/shop';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'refund-retry-admin-password';
const ADDRESS = { name: '周一', phone: '13900139000', region: '北京市 朝阳区', detail: '建国路 88 号' };
/** The attempts after which the retry job leaves a refund to a person (server/orders/retry-refunds-job). */
const MAX_ATTEMPTS = 5;

/** WeChat Pay's refund call failing or its answer lost, its asynchronous result, and the timer job that retries. */
describe('refunds WeChat Pay has not finished: the retry job and the asynchronous result', () => {
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;
  let client: GatewayClient;
  let counter = 0;
  // Every tick is ten minutes after the one before, so each finds the refunds the last one tried.
  let clock = Date.now();
  const tick = () => (clock += 10 * MINUTE_MS);
  const retry = (at = tick()) => cloud.runTimer('job-retry-refunds', at) as Promise<{ ok: boolean; data: { status: string } | null }>;

  /** A paid delivery order of one unit of a new product, and its 仅退款 request. */
  async function askedRefund(priceFen: number): Promise<{ order: OrderView; refundId: string }> {
    counter += 1;
    const sku = addProduct(cloud, `retry-${counter}`, { title: `保温杯${counter}`, priceFen, stock: 5 });
    const body = { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'delivery', address: ADDRESS } };
    const preview = data(
      (await client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body,
    );
    const order = data(
      (
        await client.call<Envelope<OrderView>>('orders', {
          action: 'place',
          ...body,
          expectedPayableFen: preview.breakdown.payableFen,
          clientKey: `retry-order-${counter}`,
        })
      ).body,
    );
    const start = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    const asked = data(
      (
        await client.call<Envelope<OrderView>>('orders', {
          action: 'requestRefund',
          orderId: order.id,
          reason: '不想要了',
          clientKey: `retry-refund-${counter}`,
        })
      ).body,
    );
    return { order, refundId: asked.refunds[0]?.id as string };
  }

  const approve = (refundId: string) => {
    const fen = docOf(cloud, 'refunds', refundId).amountFen;
    return admin<Envelope<RefundDoc>>('approveRefund', { refundId, expectedRefundFen: fen }).then((res) => res.body);
  };
  const refundOf = (refundId: string) => docOf(cloud, 'refunds', refundId);
  const paidBack = (order: OrderView) => cloud.payments.refunds(order.orderNo);
  const successNotes = (order: OrderView) => docOf(cloud, 'orders', order.id).timeline.filter((event) => event.note.startsWith('退款成功'));
  const listed = async (refundId: string) =>
    data((await admin<Envelope<{ items: RefundDoc[] }>>('listRefunds', { pageSize: 50 })).body).items.find((item) => item._id === refundId);

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'q'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    admin = await adminCaller(cloud, PASSWORD);
    client = new GatewayClient(cloud.url);
    await client.login();
    data((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
  });
  afterEach(() => {
    cloud.payments.setOutage([]);
    cloud.payments.setLostReplies([]);
  });
  afterAll(() => cloud?.stop());

  it('retries a refund whose WeChat Pay call failed, with the same refund number, and pays it back once the outage ends', async () => {
    const { order, refundId } = await askedRefund(3_900);
    cloud.payments.setOutage(['refund']);
    expect(await approve(refundId)).toMatchObject({ ok: false });
    expect(refundOf(refundId)).toMatchObject({ status: 'refunding', payBack: { failedAttempts: 1 } });

    expect(await retry()).toMatchObject({ ok: true, data: { status: 'finished' } });
    expect(refundOf(refundId)).toMatchObject({
      status: 'refunding',
      payBack: { failedAttempts: 2, lastError: expect.stringContaining('unreachable') },
    });
    expect(paidBack(order)).toEqual([]);

    cloud.payments.setOutage([]);
    await retry();
    const refund = refundOf(refundId);
    expect(refund).toMatchObject({ status: 'refunded', progress: 'done', abnormal: null });
    expect(paidBack(order)).toEqual([expect.objectContaining({ outRefundNo: refund.refundNo, refundFee: refund.amountFen })]);
    expect(docOf(cloud, 'orders', order.id)).toMatchObject({ status: 'refunded', refundedFen: refund.amountFen });

    await retry();
    expect(paidBack(order)).toHaveLength(1);
    expect(successNotes(order)).toHaveLength(1);
  });

  it('finishes a refund on WeChat Pay’s success notification when the answer to its call was lost; a repeat changes nothing', async () => {
    const { order, refundId } = await askedRefund(4_900);
    cloud.payments.setLostReplies(['refund']);
    expect(await approve(refundId)).toMatchObject({ ok: false });
    cloud.payments.setLostReplies([]);
    expect(refundOf(refundId)).toMatchObject({ status: 'refunding' });
    const { refundNo } = refundOf(refundId);

    expect(await cloud.deliverRefundResult(refundNo, 'SUCCESS')).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(refundOf(refundId)).toMatchObject({ status: 'refunded', progress: 'done' });
    expect(await cloud.deliverRefundResult(refundNo, 'SUCCESS')).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(refundOf(refundId)).toMatchObject({ status: 'refunded' });
    expect(paidBack(order)).toHaveLength(1);
    expect(successNotes(order)).toHaveLength(1);
  });

  it('records an abnormal result (CHANGE, REFUNDCLOSE) with WeChat Pay’s reason, and the admin list carries it', async () => {
    const { refundId } = await askedRefund(2_900);
    data(await approve(refundId));
    const { refundNo } = refundOf(refundId);
    expect(await cloud.deliverRefundResult(refundNo, 'CHANGE')).toEqual({ errcode: 0, errmsg: 'OK' });
    const abnormal = { source: 'wechat', refundStatus: 'CHANGE', reason: expect.stringContaining('退款异常') };
    expect(refundOf(refundId)).toMatchObject({ status: 'refunded', abnormal });
    expect(await listed(refundId)).toMatchObject({ abnormal });

    const closed = await askedRefund(1_900);
    data(await approve(closed.refundId));
    await cloud.deliverRefundResult(refundOf(closed.refundId).refundNo, 'REFUNDCLOSE');
    expect(refundOf(closed.refundId)).toMatchObject({
      abnormal: { source: 'wechat', refundStatus: 'REFUNDCLOSE', reason: expect.stringContaining('退款关闭') },
    });
  });

  it('leaves a refund that keeps failing to a person after the last attempt, still open, and an approval then finishes it', async () => {
    const { order, refundId } = await askedRefund(5_900);
    cloud.payments.setOutage(['refund']);
    await approve(refundId);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) await retry();
    const given = refundOf(refundId);
    expect(given).toMatchObject({
      status: 'refunding',
      payBack: { failedAttempts: MAX_ATTEMPTS },
      abnormal: { source: 'retries', reason: expect.stringContaining(`${MAX_ATTEMPTS} 次`) },
    });
    expect(await listed(refundId)).toMatchObject({ abnormal: { source: 'retries' } });

    await retry();
    expect(refundOf(refundId).payBack).toEqual(given.payBack);

    cloud.payments.setOutage([]);
    expect(data(await approve(refundId))).toMatchObject({ status: 'refunded', abnormal: null });
    expect(paidBack(order)).toHaveLength(1);
  });

  it('pays a failed refund back once when two runs of the job and an approval retry it at the same moment', async () => {
    const { order, refundId } = await askedRefund(6_900);
    cloud.payments.setOutage(['refund']);
    await approve(refundId);
    cloud.payments.setOutage([]);
    const at = tick();
    await Promise.all([retry(at), retry(at), approve(refundId)]);
    expect(refundOf(refundId)).toMatchObject({ status: 'refunded' });
    expect(paidBack(order)).toHaveLength(1);
    expect(successNotes(order)).toHaveLength(1);
  });
});
