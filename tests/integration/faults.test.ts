import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { FaultEffect } from '../../local-cloud/faults';
import { WRITE_OPS } from '../../local-cloud/faults';
import { HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import type { OrderView } from '~/types/functions/orders';
import { startTestCloud } from '../support/local-cloud';
import { allowAdjustmentsUpTo } from '../support/programme';
import { docOf } from '../support/shop';
import { allStored } from '../support/stored';
import type { Envelope, Shopper, ShopWorld } from './faults/shop-world';
import { dataOf, shopWorld } from './faults/shop-world';

const PASSWORD = 'faults-admin-password';
const EFFECTS: FaultEffect[] = ['fail', 'timeoutAfterWrite', 'killInstance'];

/**
 * One multi-step use-case: what is in place before it (`prepare`), the one invocation that a
 * fault cuts (`act`, made by function `fn`), what a member, WeChat Pay or the platform does
 * afterwards (`recover`: the same request again, a redelivered callback, the sweep), and
 * what must hold besides the shopper's books.
 */
interface UseCase {
  name: string;
  fn: string;
  prepare(world: ShopWorld, s: Shopper, cloud: LocalCloud): Promise<Record<string, string>>;
  act(cloud: LocalCloud, s: Shopper, state: Record<string, string>): Promise<unknown>;
  recover(cloud: LocalCloud, s: Shopper, state: Record<string, string>): Promise<void>;
  check(cloud: LocalCloud, s: Shopper, state: Record<string, string>): string[];
}

const ordersOf = (cloud: LocalCloud, s: Shopper) => allStored(cloud, 'orders').filter((order) => order.memberId === s.memberId);

/** Sends a request until it is answered ok (at most three times); answers the last answer. */
async function untilOk(send: () => Promise<unknown>): Promise<unknown> {
  let answer: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    answer = await send().catch((error: Error) => ({ ok: false, error: { code: 'CRASHED', message: error.message } }));
    const body = answer as { ok?: boolean; errcode?: number };
    if (body.ok === true || body.errcode === 0) return answer;
  }
  return answer;
}

/**
 * Moves the functions' clock on. It only ever moves forward: a sweep remembers how far it got,
 * so a clock put back would hide what became due meanwhile.
 */
function advance(cloud: LocalCloud, ms: number): void {
  cloud.setClock(cloud.now() + ms);
}

/**
 * What happens after a failed tap: the member taps again at once (a copy of a request still
 * running waits for it or answers that it is under way), again a minute later (past the
 * request's lease, so the retry takes the work over), and if nothing succeeded the platform's
 * sweep settles it hours later.
 */
async function retryThenSweep(cloud: LocalCloud, send: () => Promise<unknown>, job = 'job-cancel-unpaid'): Promise<void> {
  if (((await untilOk(send)) as { ok?: boolean }).ok) return;
  advance(cloud, MINUTE_MS);
  if (((await untilOk(send)) as { ok?: boolean }).ok) return;
  advance(cloud, 2 * HOUR_MS);
  await cloud.runTimer(job);
}

const USE_CASES: UseCase[] = [
  {
    name: 'a daily check-in',
    fn: 'points',
    prepare: async () => ({}),
    act: (_cloud, s) => s.client.call('points', { action: 'checkIn' }),
    recover: async (_cloud, s) => {
      await s.client.call('points', { action: 'checkIn' });
    },
    check: (cloud, s) => {
      const entries = allStored(cloud, 'ledger_entries').filter((entry) => entry.memberId === s.memberId && entry.kind === 'checkin');
      return entries.length === 1 ? [] : [`${entries.length} check-in entries after a retried check-in`];
    },
  },
  {
    name: 'placing an order with a coupon and points',
    fn: 'orders',
    prepare: async (world, s) => {
      const { action: _a, clientKey: _k, ...checkout } = s.place;
      const preview = dataOf(
        (await s.client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { ...checkout, action: 'preview' })).body,
      );
      s.place = { ...s.place, expectedPayableFen: preview.breakdown.payableFen };
      void world;
      return {};
    },
    act: (_cloud, s) => s.client.call('orders', s.place),
    recover: (cloud, s) => retryThenSweep(cloud, async () => (await s.client.call('orders', s.place)).body),
    check: (cloud, s) => {
      const orders = ordersOf(cloud, s);
      return orders.length === 1 && ['pendingPayment', 'failed', 'cancelled'].includes(orders[0]?.status ?? '')
        ? []
        : [`after retrying, orders ${JSON.stringify(orders.map((order) => order.status))}`];
    },
  },
  {
    name: 'WeChat Pay’s payment callback',
    fn: 'pay-callback',
    prepare: async (world, s) => {
      const order = await world.placeOrder(s);
      return { orderId: order.id, outTradeNo: await world.paidNotCalledBack(s, order.id) };
    },
    act: (cloud, _s, state) => cloud.deliverPaymentCallback(state.outTradeNo as string),
    // WeChat Pay calls back again until it is acknowledged.
    recover: async (cloud, _s, state) => {
      await untilOk(() => cloud.deliverPaymentCallback(state.outTradeNo as string));
    },
    check: (cloud, _s, state) => {
      const order = docOf(cloud, 'orders', state.orderId as string);
      return order.status === 'paid' ? [] : [`the order is ${order.status} after WeChat Pay took the money`];
    },
  },
  {
    name: 'cancelling an unpaid order',
    fn: 'orders',
    prepare: async (world, s) => ({ orderId: (await world.placeOrder(s)).id }),
    act: (_cloud, s, state) => s.client.call('orders', { action: 'cancel', orderId: state.orderId }),
    recover: (cloud, s, state) =>
      retryThenSweep(cloud, async () => (await s.client.call('orders', { action: 'cancel', orderId: state.orderId })).body),
    check: (cloud, _s, state) => {
      const order = docOf(cloud, 'orders', state.orderId as string);
      return order.status === 'cancelled' && order.holdsReturned
        ? []
        : [`the order is ${order.status}, holds returned ${order.holdsReturned}`];
    },
  },
  {
    name: 'approving a refund',
    fn: 'admin',
    prepare: async (world, s, cloud) => {
      const order = await world.placeOrder(s);
      await cloud.deliverPaymentCallback(await world.paidNotCalledBack(s, order.id));
      await world.admin('shipOrder', { orderId: order.id, carrier: '顺丰速运', trackingNo: 'SF1234567890' });
      const asked = dataOf(
        (
          await s.client.call<Envelope<OrderView>>('orders', {
            action: 'requestRefund',
            orderId: order.id,
            lineIds: ['L1'],
            reason: '不想要了',
            clientKey: `fault-refund-${s.n}`,
          })
        ).body,
      );
      const refund = asked.refunds[0] as { id: string; amountFen: number };
      return { orderId: order.id, refundId: refund.id, amountFen: String(refund.amountFen) };
    },
    act: (_cloud, _s, state) => approve(state),
    recover: (cloud, _s, state) => retryThenSweep(cloud, async () => (await approve(state)).body, 'job-retry-refunds'),
    check: (cloud, _s, state) => {
      const refund = docOf(cloud, 'refunds', state.refundId as string);
      return refund.status === 'refunded' ? [] : [`the refund is ${refund.status} after it was approved again`];
    },
  },
];

let world: ShopWorld;
const approve = (state: Record<string, string>) =>
  world.admin('approveRefund', { refundId: state.refundId, expectedRefundFen: Number(state.amountFen) });

describe('a fault at each write step of each multi-step use-case, then a retry or the sweep, leaves every book right', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'q'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    allowAdjustmentsUpTo(cloud, 10_000);
    world = await shopWorld(cloud, PASSWORD);
  });
  afterAll(() => cloud?.stop());

  describe.each(USE_CASES.map((useCase) => [useCase.name, useCase] as const))('%s', (_name, useCase) => {
    it('holds with a failure, a lost answer or a killed instance at every write', async () => {
      // The steps: the writes the use-case's function makes when nothing goes wrong.
      const dry = await world.shopper();
      const dryState = await useCase.prepare(world, dry, cloud);
      const stop = cloud.faults.record();
      await useCase.act(cloud, dry, dryState);
      const steps = stop().filter((step) => step.fn === useCase.fn && WRITE_OPS.includes(step.op));
      expect(steps.length).toBeGreaterThan(0);
      expect(await world.problems(dry)).toEqual([]);

      const failures: string[] = [];
      for (const [index, step] of steps.entries()) {
        for (const effect of EFFECTS) {
          const s = await world.shopper();
          const state = await useCase.prepare(world, s, cloud);
          cloud.faults.arm({ fn: useCase.fn, nth: index + 1, effect });
          await useCase.act(cloud, s, state).catch(() => undefined);
          const fired = cloud.faults.clear();
          await useCase.recover(cloud, s, state);
          const problems = [...(await world.problems(s)), ...useCase.check(cloud, s, state)];
          const where = `step ${index + 1}/${steps.length} (${step.op} ${step.collection ?? ''}${step.inTransaction ? ' in a transaction' : ''}), ${JSON.stringify(effect)}${fired ? '' : ' (did not fire)'}`;
          failures.push(...problems.map((problem) => `${where}: ${problem}`));
        }
      }
      expect(failures).toEqual([]);
    }, 600_000);
  });
});
