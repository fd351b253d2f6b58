/**
 * Throughput of whole orders — placeOrder, then startPayment, then the payment confirmed and
 * applied by the pay-callback function — at 1, 10 and 50 concurrent buyers, and the database
 * round trips of one order, counted exactly by action and phase and set beside the fewest an
 * order needs. Prints figures only; it never fails on a number.
 *
 *   npx tsx bench/checkout.ts [--seconds N]
 *
 * The use-cases run in this process through the real wx-server-sdk, as function instances run
 * them; the local cloud runs in a child process (bench/support/serve-loyalty-cloud.ts) that
 * counts every database request its engine answers and simulates WeChat Pay.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROGRAMME } from '~/core/tiers/default-programme';
import type { Database } from '~/server/db/database';
import { database } from '~/server/db/database';
import { loadShopSettings } from '~/server/orders/shop-settings';
import { forgetProgramme, loadProgramme } from '~/server/programme/load-programme';
import { platformEnv } from '../tests/support/sdk';
import type { Cleanups } from './support/bench-main';
import { runBench, secondsOption } from './support/bench-main';
import { runFor } from './support/bounded-run';
import { startChildServer } from './support/child-server';
import type { Buyer, Mix, OrderShape } from './support/checkout-fixtures';
import {
  buyerDocs,
  CATALOGUE_SIZE,
  catalogueDocs,
  placeInput,
  shapeOf,
  SINGLE,
  SINGLE_LINE_EVERY,
  STANDARD,
} from './support/checkout-fixtures';
import type { Phase } from './support/checkout-minimum';
import { EXCESS, orderMinimum, orderTotalMinimum, PHASE_LABELS, PHASES, ROUTE_EXCESS, ROUTE_MINIMUM } from './support/checkout-minimum';
import type { OrderRunner, Via } from './support/checkout-order';
import { orderRunner, PAY_CALLBACK_ENV } from './support/checkout-order';
import type { OrderThroughputRow } from './support/checkout-report';
import { formatOrderThroughput, quantile } from './support/checkout-report';
import { cloudCpuSeconds, ownCpuSeconds } from './support/cpu-usage';
import { START_POINTS } from './support/loyalty-fixtures';
import type { PerCallCounts } from './support/loyalty-report';
import { formatPerCall } from './support/loyalty-report';
import { BEFORE, formatChanges } from './support/before-after';
import type { ActionCounts } from './support/round-trips';
import { countsSince, readCounts, totalOf } from './support/round-trips';

/** The measuring time of each throughput case unless --seconds says: four cases keep the whole run near two minutes. */
const DEFAULT_SECONDS = 15;
const CONCURRENCIES = [1, 10, 50];
/** Sequential orders of each shape whose requests are counted action by action and phase by phase. */
const COUNTED_ORDERS = 20;
/** Sequential orders placed and paid through the `orders` routes, counted as a whole. */
const COUNTED_ROUTE_ORDERS = 10;
/** Buyers seeded for a warm-up, per second of it: more orders than one process gets through. */
const WARM_ORDERS_PER_SECOND = 300;
/** A measured run gets buyers for this many times the orders its warm-up rate predicts. */
const HEADROOM = 1.5;
/** Upper bound on the buyers of one run, whatever --seconds says. */
const MAX_ORDERS = 50_000;
/** A bound on the counted orders, which are limited by their number and not by time. */
const COUNTING_SECONDS = 120;
/** Buyers per seeding request (about 2.5 KB of documents each). */
const SEED_CHUNK = 2_000;
/** Any value: the sub-merchant id the payment calls need (LM_SUB_MCH_ID), as a real environment sets it. */
const SUB_MCH_ID = '1900000109';

/** Seeded batches and card numbers so far: every buyer id and card number is new. */
let batch = 0;
let serial = 0;

/** Seeds `count` fresh buyers in the counting cloud at `controlUrl`, SEED_CHUNK to a request, and answers them. */
async function seedBuyers(controlUrl: string, count: number): Promise<Buyer[]> {
  const buyers: Buyer[] = [];
  for (let seeded = 0; seeded < count; seeded += SEED_CHUNK) {
    const size = Math.min(SEED_CHUNK, count - seeded);
    const firstSerial = serial;
    serial += size;
    const chunk = buyerDocs(`b${(batch += 1)}`, firstSerial, size, Date.now());
    await post(controlUrl, '/docs', { docs: chunk.docs });
    buyers.push(...chunk.buyers);
  }
  return buyers;
}

async function post(controlUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`seeding ${path}: ${await response.text()}`);
}

async function countOf(controlUrl: string, collection: string): Promise<number> {
  const response = await fetch(`${controlUrl}/count/${collection}`);
  if (!response.ok) throw new Error(`count ${collection}: HTTP ${response.status}`);
  return ((await response.json()) as { count: number }).count;
}

/**
 * Reloads the programme and shop settings this instance caches, so that neither expires during
 * a counted sample (each is reloaded at most every 30 s): a shop read dated 30 s back, before
 * the cached copy, makes it reload, and the read at `now` then keeps it as of now.
 */
async function refreshCaches(db: Database): Promise<void> {
  const now = Date.now();
  forgetProgramme();
  await loadProgramme({ now, source: 'wx_client', db });
  await loadShopSettings({ now: now - 30_000, source: 'wx_client', db });
  await loadShopSettings({ now, source: 'wx_client', db });
}

const addCounts = (into: ActionCounts, more: ActionCounts) => {
  for (const [key, value] of Object.entries(more)) into[key] = (into[key] ?? 0) + value;
};

/** `count` sequential orders of `shape` by fresh buyers, their requests counted per phase and in all. */
async function countOrders(runner: OrderRunner, controlUrl: string, shape: OrderShape, count: number, via: Via) {
  const buyers = await seedBuyers(controlUrl, count);
  const phases: Record<Phase, ActionCounts> = { place: {}, pay: {}, callback: {} };
  const before = await readCounts(controlUrl);
  let mark = before;
  const run = await runFor(
    async (_worker, index) => {
      const buyer = buyers[index] as Buyer;
      mark = await readCounts(controlUrl);
      await runner.order(buyer, placeInput(buyer, shape, 'spread', index), via, async (phase) => {
        const now = await readCounts(controlUrl);
        addCounts(phases[phase], countsSince(mark, now));
        mark = now;
      });
    },
    1,
    COUNTING_SECONDS,
    count,
  );
  const all = countsSince(before, await readCounts(controlUrl));
  if (run.firstFailure) process.stderr.write(`  ${shape.name} via ${via}: ${run.failures} orders failed, first: ${run.firstFailure}\n`);
  return { run, phases, all };
}

/** Orders run by `concurrency` buyers for `seconds`, each by a fresh buyer; a quarter are one-line orders. */
async function measure(runner: OrderRunner, controlUrl: string, mix: Mix, concurrency: number, seconds: number, calls: number) {
  const buyers = await seedBuyers(controlUrl, calls);
  const took: number[] = [];
  const op = async (_worker: number, index: number) => {
    const buyer = buyers[index] as Buyer;
    const started = performance.now();
    await runner.order(buyer, placeInput(buyer, shapeOf(index), mix, index), 'use-cases');
    took.push(performance.now() - started);
  };
  const [counts, paid, own, cloud] = [
    await readCounts(controlUrl),
    await countOf(controlUrl, 'payments'),
    ownCpuSeconds(),
    await cloudCpuSeconds(controlUrl),
  ];
  const run = await runFor(op, concurrency, seconds, calls);
  const [ownAfter, cloudAfter] = [ownCpuSeconds(), await cloudCpuSeconds(controlUrl)];
  const trips = countsSince(counts, await readCounts(controlUrl));
  const paidAfter = await countOf(controlUrl, 'payments');
  return { run, took, trips, paid: paidAfter - paid, ownCpu: (ownAfter - own) / run.seconds, cloudCpu: (cloudAfter - cloud) / run.seconds };
}

const MIX_LABELS: Record<Mix, string> = { spread: 'spread', hot: 'one hot SKU' };

async function main(cleanups: Cleanups): Promise<void> {
  const seconds = secondsOption(DEFAULT_SECONDS);
  const warmup = Math.min(2, seconds / 5);
  const server = await startChildServer(join(__dirname, 'support', 'serve-loyalty-cloud.ts'));
  cleanups.push(() => server.stop());
  const controlUrl = server.ready.controlUrl as string;
  // The SDK reads its endpoint and the caller's identity from the environment, as in a function
  // instance. Placing and starting payment take their caller from the request context; only the
  // pay-callback function reads the identity, and here it is WeChat Pay's.
  Object.assign(process.env, platformEnv(server.tcbUrl), PAY_CALLBACK_ENV, { LM_SUB_MCH_ID: SUB_MCH_ID });
  const db = database();
  const runner = orderRunner(db, controlUrl);
  await post(controlUrl, '/docs', { docs: catalogueDocs(Date.now()) });

  const [standardMin, singleMin] = [orderTotalMinimum(STANDARD), orderTotalMinimum(SINGLE)];
  console.log(
    `checkout through the real wx-server-sdk: placeOrder + startPayment + payment applied, ${seconds} s per case after ${Number(warmup.toFixed(2))} s warm-up`,
  );
  console.log(
    'where: the use-cases and the pay-callback function run in this process (as in function instances); the local cloud (SQLite, ' +
      'simulated WeChat Pay) runs in a child process, so that the functions and the database each get a core of their own',
  );
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start (other work on the machine lowers the figures)`,
  );
  console.log(
    'round trips: every database request the local cloud answers, counted in its engine (engine.handle) by action, ' +
      'transaction start, reads and writes inside transactions, and commit included; cloudPay calls are not database requests and are not counted',
  );
  console.log(
    "payment: startPayment calls cloudPay.unifiedOrder (the local cloud's simulated WeChat Pay); the benchmark then confirms that payment in the " +
      "local cloud as its dev page does (POST /dev/payments/<outTradeNo>/confirm) and runs the pay-callback function's own main here with the " +
      'event the local cloud would deliver, which finds the order by out_trade_no and calls applyPayment',
  );
  console.log(
    `fixtures: each order by a fresh entry-tier member (${START_POINTS.toLocaleString('en-US')} points in one open bucket, one ¥20-off-¥200 coupon); ` +
      `standard order: 3 lines (quantities 1, 2, 1), the coupon and 5,000 points, home delivery; every ${SINGLE_LINE_EVERY}th order is a one-line order ` +
      `(quantity 1, 2,000 points, no coupon); ${CATALOGUE_SIZE} products in the catalogue plus one hot product, every SKU with more stock than any run sells; ` +
      'the programme and shop settings are cached as in a warm instance (reloaded at most every 30 s); real clock',
  );

  // Counted samples, after a warm-up that loads the code paths and fills the caches.
  await measure(runner, controlUrl, 'spread', 1, warmup, Math.ceil(warmup * WARM_ORDERS_PER_SECOND));
  const perCall: PerCallCounts[] = [];
  const excessSeen: Record<string, Record<Phase, number>> = {};
  for (const shape of [STANDARD, SINGLE]) {
    await refreshCaches(db);
    const { run, phases, all } = await countOrders(runner, controlUrl, shape, COUNTED_ORDERS, 'use-cases');
    const minimum = orderMinimum(shape);
    excessSeen[shape.name] = { place: 0, pay: 0, callback: 0 };
    for (const phase of PHASES) {
      perCall.push({
        useCase: `${shape.name}: ${PHASE_LABELS[phase]}`,
        calls: run.calls,
        failures: run.failures,
        counts: phases[phase],
        minimum: minimum[phase].trips,
      });
      (excessSeen[shape.name] as Record<Phase, number>)[phase] = totalOf(phases[phase]) / run.calls - minimum[phase].trips;
    }
    perCall.push({
      useCase: `${shape.name}: whole order`,
      calls: run.calls,
      failures: run.failures,
      counts: all,
      minimum: orderTotalMinimum(shape),
    });
  }
  await refreshCaches(db);
  const routed = await countOrders(runner, controlUrl, STANDARD, COUNTED_ROUTE_ORDERS, 'routes');
  perCall.push({
    useCase: 'standard: whole order through the orders routes',
    calls: routed.run.calls,
    failures: routed.run.failures,
    counts: routed.all,
    minimum: standardMin + ROUTE_MINIMUM.trips,
  });
  process.stderr.write('  counted round trips\n');

  const rows: OrderThroughputRow[] = [];
  const byAction: PerCallCounts[] = [];
  const cases: [Mix, number][] = [...CONCURRENCIES.map((c): [Mix, number] => ['spread', c]), ['hot', 50]];
  for (const [mix, concurrency] of cases) {
    const warmCalls = Math.ceil(warmup * WARM_ORDERS_PER_SECOND) + 20 * concurrency;
    const warm = await measure(runner, controlUrl, mix, concurrency, warmup, warmCalls);
    const calls = Math.min(MAX_ORDERS, Math.ceil((warm.run.calls / warm.run.seconds) * seconds * HEADROOM) + 20 * concurrency);
    const { run, took, trips, paid, ownCpu, cloudCpu } = await measure(runner, controlUrl, mix, concurrency, seconds, calls);
    let minimum = 0;
    for (let index = 0; index < run.calls; index += 1) minimum += orderTotalMinimum(shapeOf(index));
    byAction.push({
      useCase: `${MIX_LABELS[mix]}, ${concurrency} buyer${concurrency === 1 ? '' : 's'}`,
      calls: run.calls,
      failures: run.failures,
      counts: trips,
      minimum: Number((minimum / Math.max(1, run.calls)).toFixed(2)),
    });
    rows.push({
      mix: MIX_LABELS[mix],
      buyers: concurrency,
      orders: run.calls,
      failures: run.failures,
      seconds: run.seconds,
      ordersPerSecond: (run.calls - run.failures) / run.seconds,
      p50: quantile(took, 0.5),
      p95: quantile(took, 0.95),
      tripsPerOrder: run.calls ? totalOf(trips) / run.calls : 0,
      minimum: run.calls ? minimum / run.calls : 0,
      txStartsPerOrder: run.calls ? (trips['database.startTransaction'] ?? 0) / run.calls : 0,
      paid,
      ranOut: run.ranOut,
      ownCpu,
      cloudCpu,
    });
    const failed = run.firstFailure ? `, ${run.failures} failed, first: ${run.firstFailure}` : '';
    process.stderr.write(`  measured ${MIX_LABELS[mix]} x${concurrency}${failed}\n`);
  }

  console.log('');
  console.log(
    `round trips per order, by action and phase (average of ${COUNTED_ORDERS} sequential orders of each shape, ${COUNTED_ROUTE_ORDERS} through the routes; ` +
      'each by a fresh buyer; ratio = total / minimum)',
  );
  console.log(formatPerCall(perCall));
  console.log('');
  console.log(`minimum: the fewest round trips one uncontended order needs (standard ${standardMin}, one-line ${singleMin})`);
  console.log(
    `  given: the member arrives with the request (the route reads it by OPENID), the programme and shop settings are cached; ` +
      `${DEFAULT_PROGRAMME.points.pointsPerYuan} points = ¥1, so points are priced without a read`,
  );
  for (const phase of PHASES) {
    const [standard, single] = [orderMinimum(STANDARD)[phase], orderMinimum(SINGLE)[phase]];
    console.log(`  ${PHASE_LABELS[phase]}: standard ${standard.trips}, one-line ${single.trips}`);
    for (const part of standard.parts) {
      const other = single.parts.find((candidate) => candidate.why === part.why)?.trips ?? 0;
      console.log(`    ${part.trips === other ? part.trips : `${part.trips} (one-line ${other})`}  ${part.why}`);
    }
    for (const part of single.parts.filter((candidate) => !standard.parts.some((p) => p.why === candidate.why)))
      console.log(`    0 (one-line ${part.trips})  ${part.why}`);
  }
  console.log(`  through the routes: + ${ROUTE_MINIMUM.trips}: ${ROUTE_MINIMUM.why}`);
  console.log('');
  console.log('beyond the minimum (measured excess per order by phase, then where the code spends it and why)');
  for (const phase of PHASES) {
    const explained = (shape: OrderShape) =>
      EXCESS.filter((excess) => excess.phase === phase).reduce((sum, excess) => sum + excess.trips(shape), 0);
    const measured = (shape: OrderShape) => (excessSeen[shape.name] as Record<Phase, number>)[phase].toFixed(2);
    console.log(
      `  ${PHASE_LABELS[phase]}: measured +${measured(STANDARD)} standard, +${measured(SINGLE)} one-line; listed below +${explained(STANDARD)} and +${explained(SINGLE)}`,
    );
    for (const excess of EXCESS.filter((candidate) => candidate.phase === phase)) {
      const [a, b] = [excess.trips(STANDARD), excess.trips(SINGLE)];
      console.log(`    +${a === b ? a : `${a} (one-line +${b})`}  ${excess.where}: ${excess.why}`);
    }
  }
  console.log(`  through the routes: +${ROUTE_EXCESS.trips}  ${ROUTE_EXCESS.where}: ${ROUTE_EXCESS.why}`);
  console.log('');
  console.log(
    `throughput (orders: orders started; orders/s: completed without error; p50/p95: wall time of one order; trips/order: all requests of the run over its orders, ` +
      `so transaction conflicts and retries under concurrency show here; minimum: average over the run's mix of standard (${standardMin}) and one-line (${singleMin}) orders; ` +
      'tx/order: transactions started per order, 3 without retries (stock, points spend, points earn); trips/s: round trips the local cloud answered per second; ' +
      'cpu: share of one core used during the run by this process (use-cases and SDK) and by the local cloud; paid: payment records written in the run; ' +
      'spread: the three lines of orders in flight are different SKUs; one hot SKU: every order buys the same SKU as its first line)',
  );
  console.log(formatOrderThroughput(rows));
  if (rows.some((row) => row.ranOut))
    console.log('* the run used up its buyers before the time was over; the rate is over the shorter time');
  console.log('');
  console.log(
    'round trips per order of each throughput run, by action (retried transactions show in tx start, tx get, tx modify and tx commit)',
  );
  console.log(formatPerCall(byAction));
  if (rows.some((row) => row.failures > 0) || perCall.some((row) => row.failures > 0)) {
    console.log(
      'errors: orders that threw or did not take the measured path (first messages on stderr); their round trips are in the counts',
    );
  }
  const single = rows.find((row) => row.mix === MIX_LABELS.spread && row.buyers === 1);
  if (single) {
    console.log('');
    console.log('round trips against the minimum, before the resumable-steps runner and now (spread, 1 buyer)');
    console.log(
      formatChanges([
        {
          what: 'an order and its payment',
          before: BEFORE.order,
          now: { trips: single.tripsPerOrder, minimum: single.minimum },
          target: 1.15,
        },
      ]),
    );
  }
  console.log(`load average ${(loadavg()[0] as number).toFixed(2)} at the end`);
}

void runBench(main);
