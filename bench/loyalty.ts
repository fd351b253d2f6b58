/**
 * Throughput of the loyalty use-cases earnForOrder, redeemReward, checkIn and claimCoupon, and
 * the database round trips each call makes, counted exactly by action and set beside the fewest
 * it needs. Prints figures only; it never fails on a number.
 *
 *   npx tsx bench/loyalty.ts [--seconds N]
 *
 * The use-cases run in this process through the real wx-server-sdk, as a function instance runs
 * them; the local cloud runs in a child process (bench/support/serve-loyalty-cloud.ts) that
 * counts every database request its engine answers.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createCouponTemplate } from '~/server/coupons/create-coupon-template';
import type { Database } from '~/server/db/database';
import { database } from '~/server/db/database';
import type { RequestContext } from '~/server/runtime/wx';
import { platformEnv } from '../tests/support/sdk';
import type { Cleanups } from './support/bench-main';
import { runBench, secondsOption } from './support/bench-main';
import { runFor } from './support/bounded-run';
import { startChildServer } from './support/child-server';
import { cloudCpuSeconds, ownCpuSeconds } from './support/cpu-usage';
import { NOW, seededMembers, START_POINTS, templateInput } from './support/loyalty-fixtures';
import type { PerCallCounts, ThroughputRow } from './support/loyalty-report';
import { formatPerCall, formatThroughput } from './support/loyalty-report';
import type { LoyaltyFixtures, UseCaseBench } from './support/loyalty-use-cases';
import { LOYALTY_USE_CASES } from './support/loyalty-use-cases';

/** The redemption's minimum as loyalty-use-cases counts it now. */
const REDEEM_MINIMUM_NOW = LOYALTY_USE_CASES.find((useCase) => useCase.name === 'redeemReward')?.minimum.trips;
import { BEFORE, formatChanges } from './support/before-after';
import type { RoundTripChange } from './support/before-after';
import { countsSince, readCounts, totalOf } from './support/round-trips';
import { OWNER_CLAIMS } from '../tests/support/owner-claims';

const CONCURRENCIES = [1, 16];
/** Sequential calls whose requests are counted action by action. */
const COUNTED_CALLS = 20;
/** Fixtures seeded for a warm-up, per second of it: more than any use-case gets through here. */
const WARM_CALLS_PER_SECOND = 1_000;
/** A measured run gets fixtures for this many times the calls its warm-up rate predicts. */
const HEADROOM = 1.5;
/** Upper bound on the fixtures of one run, whatever --seconds says. */
const MAX_CALLS = 100_000;
/** A bound on the counted calls, which are limited by COUNTED_CALLS and not by time. */
const COUNTING_SECONDS = 120;
/** Open buckets of a member who has earned points in each month of the last year (points expire after 12 months). */
const A_YEAR_OF_BUCKETS = 12;

/** Seeded batches and card numbers so far: every fixture id and card number is new. */
let batch = 0;
let serial = 0;

/** Fixtures in the counting local cloud at `controlUrl` (members with `openBuckets` buckets), and call contexts on `db`. */
function loyaltyFixtures(controlUrl: string, db: Database, openBuckets = 1): LoyaltyFixtures {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${controlUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`seeding ${path}: ${await response.text()}`);
  };
  const ctx = (openid?: string): RequestContext => ({ now: NOW, openid, source: openid ? 'wx_client' : 'wx_trigger', db });
  return {
    ctx,
    async members(count) {
      const prefix = `m${(batch += 1)}`;
      const firstSerial = serial;
      serial += count;
      await post('/members', { prefix, firstSerial, count, openBuckets });
      return seededMembers(prefix, firstSerial, count, openBuckets).map(({ member }) => member);
    },
    async rewards(count, stock) {
      const prefix = `reward-${(batch += 1)}`;
      const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
      await post('/rewards', { ids, stock });
      return ids;
    },
    async templates(count, stock) {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) ids.push((await createCouponTemplate(ctx(), templateInput(stock), OWNER_CLAIMS))._id);
      return ids;
    },
  };
}

/** Round trips of COUNTED_CALLS sequential calls of `useCase`'s first fixture, after a warm-up. */
async function countPerCall(
  useCase: UseCaseBench,
  fx: LoyaltyFixtures,
  controlUrl: string,
  warmup: number,
  label: string,
): Promise<PerCallCounts | null> {
  const fixture = useCase.fixtures[0];
  if (!fixture) return null;
  const warmCalls = Math.ceil(warmup * WARM_CALLS_PER_SECOND);
  await runFor(await fixture.prepare(fx, 1, warmCalls), 1, warmup, warmCalls);
  const op = await fixture.prepare(fx, 1, COUNTED_CALLS);
  const before = await readCounts(controlUrl);
  const run = await runFor(op, 1, COUNTING_SECONDS, COUNTED_CALLS);
  const counts = countsSince(before, await readCounts(controlUrl));
  if (run.firstFailure) process.stderr.write(`  ${label}: ${run.failures} calls failed, first: ${run.firstFailure}\n`);
  return { useCase: label, calls: run.calls, failures: run.failures, counts, minimum: useCase.minimum.trips };
}

async function main(cleanups: Cleanups): Promise<void> {
  const seconds = secondsOption();
  const warmup = Math.min(1, seconds / 3);
  const server = await startChildServer(join(__dirname, 'support', 'serve-loyalty-cloud.ts'));
  cleanups.push(() => server.stop());
  const controlUrl = server.ready.controlUrl as string;
  // The SDK reads its endpoint from the environment, as in a function instance.
  Object.assign(process.env, platformEnv(server.tcbUrl));
  const db = database();
  const fx = loyaltyFixtures(controlUrl, db);

  console.log(`loyalty use-cases through the real wx-server-sdk: ${seconds} s per case after ${Number(warmup.toFixed(2))} s warm-up`);
  console.log(
    'where: the use-cases run in this process (as in a function instance); the local cloud (SQLite) runs in a child process, ' +
      'so that the functions and the database each get a core of their own, as they are separate in production',
  );
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start (other work on the machine lowers the figures)`,
  );
  console.log(
    'round trips: every database request the local cloud answers, counted in its engine (engine.handle) by action, ' +
      'transaction start, reads and writes inside transactions, and commit included',
  );
  console.log(
    `fixtures: each call by a fresh member (${START_POINTS.toLocaleString('en-US')} points in one open bucket) on its own order, reward or template ` +
      'unless the fixture says one for all; the programme settings are cached, as in a warm instance (reloaded at most every 30 s)',
  );

  const perCall: PerCallCounts[] = [];
  for (const useCase of LOYALTY_USE_CASES) {
    const row = await countPerCall(useCase, fx, controlUrl, warmup, useCase.name);
    if (row) perCall.push(row);
  }
  const yearOfBuckets = loyaltyFixtures(controlUrl, db, A_YEAR_OF_BUCKETS);
  for (const useCase of LOYALTY_USE_CASES.filter((candidate) => candidate.postsToLedger)) {
    const row = await countPerCall(useCase, yearOfBuckets, controlUrl, warmup / 3, `${useCase.name}, ${A_YEAR_OF_BUCKETS} open buckets`);
    if (row) perCall.push(row);
  }
  process.stderr.write('  counted round trips\n');

  const rows: ThroughputRow[] = [];
  for (const useCase of LOYALTY_USE_CASES) {
    for (const fixture of useCase.fixtures) {
      for (const concurrency of fixture.contended ? CONCURRENCIES.slice(-1) : CONCURRENCIES) {
        const warmCalls = Math.ceil(warmup * WARM_CALLS_PER_SECOND);
        const warm = await runFor(await fixture.prepare(fx, concurrency, warmCalls), concurrency, warmup, warmCalls);
        const calls = Math.min(MAX_CALLS, Math.ceil((warm.calls / warm.seconds) * seconds * HEADROOM) + 20 * concurrency);
        const op = await fixture.prepare(fx, concurrency, calls);
        const before = await readCounts(controlUrl);
        const [ownBefore, cloudBefore] = [ownCpuSeconds(), await cloudCpuSeconds(controlUrl)];
        const run = await runFor(op, concurrency, seconds, calls);
        const [ownAfter, cloudAfter] = [ownCpuSeconds(), await cloudCpuSeconds(controlUrl)];
        const trips = totalOf(countsSince(before, await readCounts(controlUrl)));
        rows.push({
          useCase: useCase.name,
          fixture: fixture.label,
          concurrency,
          calls: run.calls,
          failures: run.failures,
          seconds: run.seconds,
          opsPerSecond: (run.calls - run.failures) / run.seconds,
          tripsPerCall: run.calls ? trips / run.calls : 0,
          minimum: useCase.minimum.trips,
          ranOut: run.ranOut,
          ownCpu: (ownAfter - ownBefore) / run.seconds,
          cloudCpu: (cloudAfter - cloudBefore) / run.seconds,
        });
        const failed = run.firstFailure ? `, ${run.failures} failed, first: ${run.firstFailure}` : '';
        process.stderr.write(`  measured ${useCase.name}, ${fixture.label} x${concurrency}${failed}\n`);
      }
    }
  }

  console.log('');
  console.log(
    `round trips per call, by action (average of ${COUNTED_CALLS} sequential calls, each by its own member on its own order, reward or template; ` +
      `members hold one open bucket, or ${A_YEAR_OF_BUCKETS} after a year of monthly earning where the row says so; ratio = total / minimum)`,
  );
  console.log(formatPerCall(perCall));
  console.log('');
  console.log('minimum: the fewest round trips one such call needs');
  for (const useCase of LOYALTY_USE_CASES) console.log(`  ${useCase.name}: ${useCase.minimum.trips} = ${useCase.minimum.why}`);
  console.log('');
  console.log(
    'throughput (trips/call: all requests of the run over its calls, so conflicts and retries under concurrency would show here; ratio = trips/call / minimum; ' +
      'trips/s: round trips the local cloud answered per second; cpu: share of one core used during the run by this process ' +
      '(use-cases and SDK) and by the local cloud)',
  );
  console.log(formatThroughput(rows));
  if (rows.some((row) => row.ranOut))
    console.log('* the run used up its fixtures before the time was over; the rate is over the shorter time');
  if (rows.some((row) => row.failures > 0) || perCall.some((row) => row.failures > 0)) {
    console.log(
      'errors: calls that threw or did not take the measured path (first messages on stderr); their round trips are in the counts',
    );
  }
  const changes: RoundTripChange[] = [];
  for (const [name, before, target] of [
    ['claimCoupon', BEFORE.claim, 1.2],
    ['redeemReward', BEFORE.redemption, 1],
  ] as const) {
    const row = perCall.find((candidate) => candidate.useCase === name);
    if (row?.calls) changes.push({ what: name, before, now: { trips: totalOf(row.counts) / row.calls, minimum: row.minimum }, target });
  }
  console.log('');
  console.log('round trips per call against the minimum, before the resumable-steps runner and now (sequential calls, one open bucket)');
  console.log(formatChanges(changes));
  console.log(
    `  redeemReward's minimum is ${REDEEM_MINIMUM_NOW} now, ${BEFORE.redemption.minimum} before: it counted a progress record after the points spend, ` +
      'which the spend (keyed by the redemption) does not need; against the old minimum the redemption now takes ' +
      `${changes.find((change) => change.what === 'redeemReward')?.now.trips ?? '?'} of ${BEFORE.redemption.minimum}`,
  );
  console.log(`load average ${(loadavg()[0] as number).toFixed(2)} at the end`);
}

void runBench(main);
