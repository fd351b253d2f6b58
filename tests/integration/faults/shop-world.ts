import type { LocalCloud } from '../../../local-cloud/local-cloud';
import { newReward } from '~/core/rewards/new-reward';
import type { OrderView, PaymentStart } from '~/types/functions/orders';
import { GatewayClient } from '../../support/gateway';
import { addProduct, adminCaller, docOf, giveCoupon } from '../../support/shop';
import { allStored, storedOrNull } from '../../support/stored';

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
export const dataOf = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

export const ADDRESS = { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' };
/** Points each shopper starts with, the product's stock and price, and the reward's cost and stock. */
export const START = { points: 5_000, stock: 10, priceFen: 12_800, rewardCost: 300, rewardStock: 5 };

/** One shopper of a fault run, with a product, a coupon and a reward of their own, so each run's books stand alone. */
export interface Shopper {
  n: number;
  client: GatewayClient;
  memberId: string;
  skuId: string;
  couponId: string;
  rewardId: string;
  /** The request a use-case sends, fixed before the first try so every retry is the same request. */
  place: Record<string, unknown>;
}

/** The shop the fault suite runs in: an admin, and a fresh shopper for each run. */
export async function shopWorld(cloud: LocalCloud, password: string) {
  const admin = await adminCaller(cloud, password);
  let count = 0;

  async function shopper(): Promise<Shopper> {
    count += 1;
    const n = count;
    const client = new GatewayClient(cloud.url);
    await client.login();
    const { memberId } = dataOf((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
    dataOf(
      (await admin('adjustPoints', { memberId, points: START.points, reason: '测试积分', requestKey: `grant-${memberId}` }))
        .body as Envelope,
    );
    const skuId = addProduct(cloud, `p${n}`, { title: `商品${n}`, priceFen: START.priceFen, stock: START.stock });
    const couponId = giveCoupon(cloud, memberId, `c${n}`, { kind: 'cash', thresholdFen: 10_000, amountFen: 1_000 });
    const rewardId = `rw${n}`;
    cloud.store.insert('rewards', {
      ...newReward({ _id: rewardId, title: `礼品${n}`, pointsCost: START.rewardCost, totalStock: START.rewardStock }, Date.now()),
    });
    const place = {
      action: 'place',
      items: [{ skuId, quantity: 2 }],
      couponIds: [couponId],
      pointsRequested: 2_000,
      delivery: { mode: 'delivery', address: ADDRESS },
      clientKey: `fault-order-${n}`,
    };
    return { n, client, memberId, skuId, couponId, rewardId, place };
  }

  /** Places the shopper's order (previewing for its total first); answers it. */
  async function placeOrder(s: Shopper): Promise<OrderView> {
    const { action: _place, clientKey: _key, ...checkout } = s.place;
    const preview = dataOf(
      (await s.client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { ...checkout, action: 'preview' })).body,
    );
    s.place = { ...s.place, expectedPayableFen: preview.breakdown.payableFen };
    return dataOf((await s.client.call<Envelope<OrderView>>('orders', s.place)).body);
  }

  /** Starts paying the shopper's order and has WeChat Pay take the money, without calling back yet. */
  async function paidNotCalledBack(s: Shopper, orderId: string): Promise<string> {
    const start = dataOf((await s.client.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS', { deliver: false });
    return start.outTradeNo;
  }

  /** Every way the shopper's books can be wrong: the points, the stock, the coupon, the payment and refunds, the reward. */
  async function problems(s: Shopper): Promise<string[]> {
    const found: string[] = [];
    const reconciled = dataOf((await admin<Envelope<{ problems: { problem: string }[] }>>('reconcile', { memberId: s.memberId })).body);
    found.push(...reconciled.problems.map((p) => `points: ${p.problem}`));
    const member = docOf(cloud, 'members', s.memberId);
    if (member.points.available < 0 || member.points.pending < 0) found.push(`points below zero: ${JSON.stringify(member.points)}`);

    const orders = allStored(cloud, 'orders').filter((order) => order.memberId === s.memberId);
    if (orders.length > 1) found.push(`${orders.length} orders for one place request`);
    const unfinished = orders.filter((order) => order.status === 'placing');
    if (unfinished.length > 0) found.push(`orders left placing (${unfinished.map((order) => order.progress).join(', ')})`);
    // Every unit is on the shelf, held by an unpaid order, or sold to a paid one (less what a refund put back).
    const sku = docOf(cloud, 'sku_stock', s.skuId);
    const held = Object.values(sku.holds ?? {}).reduce((sum, quantity) => sum + quantity, 0);
    const sold = orders
      .filter((order) => order.paidAt !== null)
      .reduce(
        (sum, order) =>
          sum + order.lines.filter((line) => !order.stockReturned.includes(line.lineId)).reduce((n, line) => n + line.quantity, 0),
        0,
      );
    if (sku.stock + held + sold !== START.stock) found.push(`stock ${sku.stock} + ${held} held + ${sold} sold ≠ ${START.stock}`);

    const coupon = docOf(cloud, 'coupon_instances', s.couponId);
    const order = orders[0];
    // A wholly refunded order gives its coupon back.
    const expected =
      !order || order.status === 'cancelled' || order.status === 'failed' || order.status === 'refunded'
        ? 'issued'
        : order.status === 'pendingPayment'
          ? 'locked'
          : 'used';
    if (coupon.status !== expected) found.push(`coupon ${coupon.status}, order ${order?.status ?? 'none'}: expected ${expected}`);
    if (expected !== 'issued' && (coupon.lockedBy !== order?._id || (expected === 'used' && coupon.usedBy !== order?._id)))
      found.push(`coupon held by ${coupon.lockedBy}/${coupon.usedBy}, not the order ${order?._id}`);

    if (order) {
      const payments = allStored(cloud, 'payments').filter((payment) => payment.orderId === order._id && payment.outcome === 'applied');
      const paid = order.paidAt !== null;
      if (payments.length > 1) found.push(`${payments.length} payments applied to one order`);
      if (paid !== (payments.length === 1)) found.push(`order ${order.status} with ${payments.length} payments applied`);
      const earns = allStored(cloud, 'ledger_entries').filter((entry) => entry.kind === 'earn' && entry.memberId === s.memberId);
      if (earns.length !== (paid ? 1 : 0)) found.push(`${earns.length} earn entries for an order ${order.status}`);
      const refunds = allStored(cloud, 'refunds').filter((refund) => refund.orderId === order._id && refund.status === 'refunded');
      const refundedFen = refunds.reduce((sum, refund) => sum + refund.amountFen, 0);
      const moneyBack = cloud.payments.refunds(order.orderNo).reduce((sum, refund) => sum + refund.refundFee, 0);
      if (moneyBack !== refundedFen) found.push(`WeChat Pay refunded ${moneyBack} but the refunds record ${refundedFen}`);
    }

    const reward = docOf(cloud, 'rewards', s.rewardId);
    const redemptions = allStored(cloud, 'redemptions').filter((r) => r.rewardId === s.rewardId);
    const taken = redemptions.filter(
      (r) => r.status !== 'failed' && r.status !== 'cancelled' && ['stock', 'paid', 'done'].includes(r.progress),
    );
    if (reward.stockRemaining + taken.length !== START.rewardStock)
      found.push(`reward stock ${reward.stockRemaining} + ${taken.length} taken ≠ ${START.rewardStock}`);
    const unsettled = redemptions.filter((r) => ['processing', 'failing', 'cancelling'].includes(r.status));
    if (unsettled.length > 0) found.push(`redemptions left ${unsettled.map((r) => r.status).join(', ')}`);
    const quota = storedOrNull(cloud, 'reward_quotas', `${s.rewardId}:${s.memberId}`)?.count ?? 0;
    if (quota !== taken.length) found.push(`reward quota ${quota} ≠ ${taken.length} live redemptions`);
    return found;
  }

  return { admin, shopper, placeOrder, paidNotCalledBack, problems };
}

export type ShopWorld = Awaited<ReturnType<typeof shopWorld>>;
