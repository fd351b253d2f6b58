import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { OrderView, PaymentStart } from '~/types/functions/orders';
import type { RefundDoc } from '~/types/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, adminCaller } from '../support/shop';
import { storedInOrder } from '../support/stored';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'refund-admin-password';
const ADDRESS = { name: '周一', phone: '13900139000', region: '北京市 朝阳区', detail: '建国路 88 号' };

/** One refund at a time per order line: a second request for a line under review is refused, however close together they come. */
describe('one open refund per order line', () => {
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;
  let client: GatewayClient;
  let counter = 0;

  const refundsOf = (orderId: string) => storedInOrder(cloud, 'refunds').filter((refund) => refund.orderId === orderId);

  /** A paid delivery order of one unit of each SKU. */
  async function paidOrder(skuIds: string[]): Promise<OrderView> {
    const body = {
      items: skuIds.map((skuId) => ({ skuId, quantity: 1 })),
      pointsRequested: 0,
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
          clientKey: `refund-order-${counter}`,
        })
      ).body,
    );
    const start = data((await client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    return order;
  }

  const ask = (orderId: string, clientKey: string, lineIds?: string[]) =>
    client
      .call<Envelope<OrderView>>('orders', {
        action: 'requestRefund',
        orderId,
        reason: '不想要了',
        clientKey,
        ...(lineIds ? { lineIds } : {}),
      })
      .then((res) => res.body);

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'r'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    admin = await adminCaller(cloud, PASSWORD);
    client = new GatewayClient(cloud.url);
    await client.login();
    data((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
  });
  afterAll(() => cloud?.stop());

  it('refuses a second request for a line under review, with a clear message, and still takes the other line', async () => {
    const mug = addProduct(cloud, 'open-mug', { title: '马克杯', priceFen: 3_900, stock: 5 });
    const cup = addProduct(cloud, 'open-cup', { title: '随行杯', priceFen: 4_900, stock: 5 });
    const order = await paidOrder([mug, cup]);
    data(await ask(order.id, 'open-first', ['L1']));
    expect(await ask(order.id, 'open-second', ['L1'])).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_STATE', message: '该商品已在退款处理中' }),
    });
    expect(await ask(order.id, 'open-both', ['L1', 'L2'])).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    data(await ask(order.id, 'open-other', ['L2']));
    expect(
      refundsOf(order.id)
        .map((refund) => refund.lineIds.join(','))
        .sort(),
    ).toEqual(['L1', 'L2']);
  });

  it('takes exactly one of several requests for the same line sent at the same moment', async () => {
    const bag = addProduct(cloud, 'open-bag', { title: '帆布袋', priceFen: 3_900, stock: 20 });
    // Four warm instances of the orders function, so the requests below really run side by side.
    await Promise.all([0, 1, 2, 3].map(() => client.call('orders', { action: 'list' })));
    for (let round = 0; round < 6; round += 1) {
      const order = await paidOrder([bag]);
      const answers = await Promise.all([0, 1, 2, 3].map((i) => ask(order.id, `race-${round}-${i}`)));
      expect(refundsOf(order.id)).toHaveLength(1);
      expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
      for (const answer of answers.filter((one) => !one.ok))
        expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '该商品已在退款处理中' } });
    }
  });

  it('frees the line once the refund is rejected, for one new request', async () => {
    const pen = addProduct(cloud, 'open-pen', { title: '钢笔', priceFen: 5_900, stock: 5 });
    const order = await paidOrder([pen]);
    const refundId = data(await ask(order.id, 'free-key-1')).refunds[0]?.id as string;
    data((await admin<Envelope<RefundDoc>>('rejectRefund', { refundId, note: '请先确认收货' })).body);
    const answers = await Promise.all([ask(order.id, 'free-key-2'), ask(order.id, 'free-key-3')]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(
      refundsOf(order.id)
        .map((refund) => refund.status)
        .sort(),
    ).toEqual(['rejected', 'requested']);
  });
});
