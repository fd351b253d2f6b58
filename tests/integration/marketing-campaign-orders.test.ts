import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { CampaignDoc, CampaignResults } from '~/types/campaigns';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { OrderView, PaymentStart } from '~/types/functions/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct } from '../support/shop';
import { allStored, putStored } from '../support/stored';

const SECRET = 'o'.repeat(40);
const PASSWORD = 'campaign-orders-password';
const ADDRESS = { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' };

type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
const dataOf = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

/**
 * A campaign's results against orders placed and paid through checkout: each group's GMV is
 * what its members paid for goods (after discounts, before shipping), its coupon cost what the
 * campaign coupons took off those orders, and its points what those orders earned.
 */
describe('campaign results add up to the orders its members placed and paid', () => {
  let cloud: LocalCloud;
  let token: string;
  const shoppers: { client: GatewayClient; memberId: string }[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud({
      functionEnv: { admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: PASSWORD }, marketing: { ADMIN_TOKEN_SECRET: SECRET } },
    });
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    token = dataOf(
      (await cloud.invoke('admin', { action: 'login', username: 'admin', password: PASSWORD })) as Envelope<{ token: string }>,
    ).token;
    for (let i = 0; i < 24; i += 1) {
      const client = new GatewayClient(cloud.url);
      await client.login();
      const { memberId } = dataOf((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
      shoppers.push({ client, memberId });
    }
    expect(((await cloud.runTimer('job-refresh-profiles')) as { ok: boolean }).ok).toBe(true);
  }, 120_000);
  afterAll(() => cloud?.stop());

  const admin = async <T>(fn: 'admin' | 'marketing', body: Record<string, unknown>) =>
    dataOf((await cloud.invoke(fn, { ...body, token })) as Envelope<T>);

  /** Places and pays an order of `quantity` units, with the member's campaign coupon when asked; answers the order. */
  async function buy(shopper: (typeof shoppers)[number], skuId: string, quantity: number, couponId: string | null, key: string) {
    const checkout = {
      items: [{ skuId, quantity }],
      couponIds: couponId ? [couponId] : [],
      delivery: { mode: 'delivery', address: ADDRESS },
    };
    const preview = dataOf(
      (await shopper.client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...checkout })).body,
    );
    const order = dataOf(
      (
        await shopper.client.call<Envelope<OrderView>>('orders', {
          action: 'place',
          ...checkout,
          expectedPayableFen: preview.breakdown.payableFen,
          clientKey: key,
        })
      ).body,
    );
    const start = dataOf((await shopper.client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    return order;
  }

  it('counts each group’s paid orders, coupon discounts and points exactly', async () => {
    const skuId = addProduct(cloud, 'tea', { title: '茶叶', priceFen: 6_800, stock: 500 });
    const template = await admin<CouponTemplateDoc>('admin', {
      action: 'createCouponTemplate',
      title: '老友券',
      terms: { kind: 'cash', thresholdFen: 5_000, amountFen: 800 },
      validity: { type: 'relative', days: 30 },
      totalStock: 100,
      channel: 'system',
    });
    putStored(cloud, 'segments', {
      _id: 'seg-everyone',
      name: '全部会员',
      description: '',
      rule: { join: 'and', groups: [] },
      lastCount: null,
      countedAt: null,
      status: 'active',
      createdBy: 'admin',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    const draft = await admin<CampaignDoc>('marketing', {
      action: 'saveCampaign',
      name: '老友回馈',
      segmentId: 'seg-everyone',
      reason: '感谢一直以来的支持',
      holdoutPercent: 25,
      variants: [{ key: 'A', templateId: template._id, percent: 100 }],
      budget: { total: null, perDay: null, perMemberPerMonth: null },
    });
    await admin('marketing', { action: 'launchCampaign', campaignId: draft._id });
    const campaign = () => allStored(cloud, 'campaigns').find((doc) => doc._id === draft._id) as CampaignDoc;
    for (let tick = 0; tick < 10 && campaign().status !== 'sent'; tick += 1) await cloud.runTimer('job-run-campaigns');
    expect(campaign().status).toBe('sent');

    const frozen = allStored(cloud, 'campaign_members').filter((doc) => doc.campaignId === draft._id);
    const groupOf = new Map(frozen.map((doc) => [doc.memberId, doc.group]));
    const held = shoppers.filter((s) => groupOf.get(s.memberId) === 'holdout');
    const treated = shoppers.filter((s) => groupOf.get(s.memberId) === 'A');
    expect(held.length).toBeGreaterThan(0);
    expect(treated.length).toBeGreaterThan(2);
    const couponOf = (memberId: string) =>
      allStored(cloud, 'coupon_instances').find((coupon) => coupon.memberId === memberId && coupon.source === 'campaign')?._id ?? null;

    // Treated members: two use the coupon, one buys twice without it; one held-out member buys.
    const [first, second, third] = treated as [(typeof treated)[number], (typeof treated)[number], (typeof treated)[number]];
    await buy(first, skuId, 1, couponOf(first.memberId), 'order-first');
    await buy(second, skuId, 2, couponOf(second.memberId), 'order-second');
    await buy(third, skuId, 1, null, 'order-third-1');
    await buy(third, skuId, 3, null, 'order-third-2');
    await buy(held[0] as (typeof held)[number], skuId, 2, null, 'order-held-1');
    expect(couponOf(held[0]?.memberId as string)).toBeNull();

    const results = await admin<CampaignResults>('marketing', { action: 'getCampaignResults', campaignId: draft._id, refresh: true });
    const orders = allStored(cloud, 'orders').filter((order) => order.paidAt !== null);
    const paidGoods = (members: string[]) =>
      orders
        .filter((order) => members.includes(order.memberId))
        .reduce((sum, order) => sum + order.payableFen - order.shippingFeeFen + order.shippingDiscountFen, 0);
    const row = (group: string) => results.groups.find((one) => one.group === group);
    const treatedIds = treated.map((s) => s.memberId);
    const heldIds = held.map((s) => s.memberId);
    expect(row('A')?.gmvFen).toBe(paidGoods(treatedIds));
    expect(row('holdout')?.gmvFen).toBe(paidGoods(heldIds));
    expect(row('A')?.couponDiscountFen).toBe(
      orders.filter((order) => order.couponIds.length > 0).reduce((sum, order) => sum + order.couponDiscountFen, 0),
    );
    const earned = allStored(cloud, 'ledger_entries')
      .filter(
        (entry) => entry.kind === 'earn' && orders.some((order) => order.couponIds.length > 0 && entry._id === `earn:order:${order._id}`),
      )
      .reduce((sum, entry) => sum + entry.pending + entry.available, 0);
    expect(row('A')?.pointsEarned).toBe(earned);
    expect(row('A')?.conversion.value).toBeCloseTo(3 / treated.length, 6);
    expect(row('A')?.repurchase.value).toBeCloseTo(1 / treated.length, 6);
    expect(row('holdout')?.conversion.value).toBeCloseTo(1 / held.length, 6);
  }, 120_000);
});
