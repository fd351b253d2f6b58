/**
 * The timer jobs on a large population: seeds N members (and their points lots, spend records
 * and subscriptions) straight into the local cloud's store, runs each job's day through its
 * built bundle as the timer would (one invocation at a time, each within its 45 s budget,
 * continuing on the next tick until the sweep is done), and prints the time and database round
 * trips per 1,000 members next to a raw better-sqlite3 scan of the same collection. Prints
 * figures only; it never fails on a number.
 *
 *   npm run bench:jobs -- [--members N] [--jobs job-review-tiers,job-expire-points,…]
 *
 * `--members` defaults to 1,000,000; `--jobs` runs only the days of the jobs named.
 *
 * The functions run in the local cloud's worker threads, the database in this process's main
 * thread, so each has a core of its own.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DAY_MS, MINUTE_MS } from '~/core/calendar/durations';
import { defaultCouponTemplateDocs } from '~/core/coupons/default-templates';
import type { JobRunDoc, JobStateDoc } from '~/types/jobs';
import type { Doc } from '../local-cloud/db/ejson';
import { startLocalCloud } from '../local-cloud/local-cloud';
import { buildFunction, functionNames } from '../scripts/build-functions';
import type { Cleanups } from './support/bench-main';
import { option, runBench } from './support/bench-main';
import { seedOrders, UNPAID_SHARE } from './support/jobs-orders';
import { BENCH_DAY, MIX, NOTICE_DAY, seedPopulation } from './support/jobs-population';
import type { JobRow } from './support/jobs-report';
import { formatJobRows, formatTripKinds } from './support/jobs-report';
import type { ActionCounts } from './support/round-trips';
import { countKey, countsSince, totalOf } from './support/round-trips';

const ROOT = resolve(__dirname, '..');
/** Ticks a sweep may take before the benchmark gives up on it. */
const MAX_TICKS = 500;

interface Scenario {
  job: string;
  day: string;
  at: number;
  /** `asOf` of the sweep before (yesterday's for daily jobs), as the job's state holds it. */
  since: number | null;
  /** Collection whose every row the raw scan reads. */
  collection: 'members' | 'point_lots' | 'orders';
}

const SCENARIOS: Scenario[] = [
  {
    job: 'job-expire-points',
    day: "1 Mar 00:10, February's points expire",
    at: Date.UTC(2027, 1, 28, 16, 10),
    since: Date.UTC(2027, 1, 27, 16, 10),
    collection: 'point_lots',
  },
  {
    job: 'job-release-points',
    day: '1 Mar 10:30, hourly release',
    at: BENCH_DAY,
    since: BENCH_DAY - 60 * MINUTE_MS,
    collection: 'point_lots',
  },
  { job: 'job-review-tiers', day: '1 Mar 10:30', at: BENCH_DAY, since: BENCH_DAY - DAY_MS, collection: 'members' },
  { job: 'job-birthday-coupons', day: '1 Mar 10:30', at: BENCH_DAY, since: BENCH_DAY - DAY_MS, collection: 'members' },
  { job: 'job-comeback-coupons', day: '1 Mar 10:30', at: BENCH_DAY, since: BENCH_DAY - DAY_MS, collection: 'members' },
  {
    job: 'job-expire-points',
    day: "25 Mar 00:10, March's reminders",
    at: NOTICE_DAY,
    since: NOTICE_DAY - DAY_MS,
    collection: 'point_lots',
  },
  { job: 'job-cancel-unpaid', day: '1 Mar 10:30, unpaid orders past their deadline', at: BENCH_DAY, since: null, collection: 'orders' },
];

/** `--members N`: the population size. */
function membersOption(): number {
  const value = Number((option('--members') ?? '1000000').replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1_000) throw new Error('--members needs a whole number of at least 1,000');
  return value;
}

/** `--jobs a,b`: the scenarios of those jobs only (all by default). */
function scenariosOption(): Scenario[] {
  const named = option('--jobs')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!named) return SCENARIOS;
  const unknown = named.filter((name) => !SCENARIOS.some((scenario) => scenario.job === name));
  if (unknown.length)
    throw new Error(
      `--jobs: no such job ${unknown.join(', ')} (one of ${[...new Set(SCENARIOS.map((scenario) => scenario.job))].join(', ')})`,
    );
  return SCENARIOS.filter((scenario) => named.includes(scenario.job));
}

/** Milliseconds to read and parse every row of `collection` with better-sqlite3, in the local cloud's own table. */
function rawScan(file: string, collection: string): { ms: number; rows: number } {
  const sql = new Database(file, { readonly: true });
  try {
    const started = performance.now();
    let rows = 0;
    for (const row of sql.prepare(`SELECT _id, doc FROM "${collection}"`).iterate() as IterableIterator<{ _id: string; doc: string }>) {
      if (JSON.parse(row.doc)._id !== row._id) throw new Error(`${collection}: row ${row._id} does not hold its document`);
      rows += 1;
    }
    return { ms: performance.now() - started, rows };
  } finally {
    sql.close();
  }
}

async function main(cleanups: Cleanups): Promise<void> {
  const members = membersOption();
  const scenarios = scenariosOption();
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-bench-jobs-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  process.stderr.write('  building the function bundles\n');
  await Promise.all(functionNames().map((name) => buildFunction(join(ROOT, 'cloudfunctions', name))));
  const cloud = await startLocalCloud({ root: ROOT, dataDir, timers: false, maxInstances: 1, log: () => undefined });
  cleanups.push(() => cloud.stop());

  const counts: ActionCounts = {};
  const handle = cloud.engine.handle.bind(cloud.engine);
  cloud.engine.handle = (action, params) => {
    const key = countKey(action, params);
    counts[key] = (counts[key] ?? 0) + 1;
    return handle(action, params);
  };

  console.log(`timer jobs on ${members.toLocaleString('en-US')} members, through their built bundles and the real wx-server-sdk`);
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start (other work on the machine lowers the figures)`,
  );
  const seedStarted = performance.now();
  const seeded = seedPopulation(cloud.store, members);
  cloud.store.atomically(() =>
    defaultCouponTemplateDocs(BENCH_DAY - 400 * DAY_MS).forEach((doc) => cloud.store.insert('coupon_templates', doc as unknown as Doc)),
  );
  console.log(
    `seeded in ${((performance.now() - seedStarted) / 1_000).toFixed(1)} s, in one SQLite transaction: ${seeded.members.toLocaleString('en-US')} members, ` +
      `${seeded.lots.toLocaleString('en-US')} points lots, ${seeded.spendRecords.toLocaleString('en-US')} spend records, ${seeded.subscriptions.toLocaleString('en-US')} subscriptions`,
  );
  console.log(
    `mix: tiers ${MIX.tiers.map((share) => `${share * 100} %`).join(' / ')}; birthday set ${MIX.birthdaySet * 100} %; marketing consent ${MIX.marketingConsent * 100} %; ` +
      `subscribed ${MIX.subscribed * 100} %; paid yesterday ${MIX.paidYesterday * 100} %; pending purchase points ${MIX.pendingLot * 100} %; 1–2 buckets each, over 12 expiry months`,
  );

  if (scenarios.some((scenario) => scenario.job === 'job-cancel-unpaid')) {
    const orders = seedOrders(cloud.store, members, BENCH_DAY);
    console.log(
      `orders: one past order per member and ${orders.unpaid.toLocaleString('en-US')} unpaid past their deadline (${UNPAID_SHARE * 100} % of members; one line, no coupon or points), ${orders.orders.toLocaleString('en-US')} in all`,
    );
  }

  const file = join(dataDir, 'cloud.db');
  const raw = {
    members: rawScan(file, 'members'),
    point_lots: rawScan(file, 'point_lots'),
    orders: rawScan(file, 'orders'),
  };
  console.log(
    `raw scan (better-sqlite3, every row read and parsed): members ${(raw.members.ms / 1_000).toFixed(2)} s for ${raw.members.rows.toLocaleString('en-US')} rows, ` +
      `point_lots ${(raw.point_lots.ms / 1_000).toFixed(2)} s for ${raw.point_lots.rows.toLocaleString('en-US')} rows, ` +
      `orders ${(raw.orders.ms / 1_000).toFixed(2)} s for ${raw.orders.rows.toLocaleString('en-US')} rows`,
  );

  // Load each bundle once (a call that is not a timer is turned away at once), so no job's figures include an instance's start.
  for (const job of new Set(scenarios.map((scenario) => scenario.job))) await cloud.invoke(job, {}, { source: 'wx_http' });

  const rows: JobRow[] = [];
  for (const scenario of scenarios) {
    const state: JobStateDoc = {
      _id: scenario.job,
      cursor: null,
      leaseOwner: null,
      leaseUntil: 0,
      lastFinishedAt: scenario.since,
      sweepAsOf: null,
      lastSweepAsOf: scenario.since,
    };
    cloud.store.remove('job_state', scenario.job);
    cloud.store.insert('job_state', state as unknown as Doc);
    const before = { ...counts };
    const runs: JobRunDoc[] = [];
    let longest = 0;
    let seconds = 0;
    for (let i = 0; i < MAX_TICKS; i += 1) {
      const started = performance.now();
      const result = (await cloud.runTimer(scenario.job, scenario.at + i * MINUTE_MS)) as {
        ok: boolean;
        data: JobRunDoc | null;
        error?: unknown;
      };
      const took = (performance.now() - started) / 1_000;
      if (!result.ok) throw new Error(`${scenario.job}: ${JSON.stringify(result.error)}`);
      if (!result.data) break;
      longest = Math.max(longest, took);
      seconds += took;
      runs.push(result.data);
      process.stderr.write(
        `  ${scenario.job} (${scenario.day}): invocation ${runs.length} ${result.data.status}, ${result.data.scanned} read, ${took.toFixed(1)} s\n`,
      );
      if (result.data.status === 'finished' || result.data.status === 'failed') break;
    }
    rows.push({
      job: scenario.job,
      day: scenario.day,
      invocations: runs.length,
      longestSeconds: longest,
      seconds,
      scanned: runs.reduce((sum, run) => sum + run.scanned, 0),
      changed: runs.reduce((sum, run) => sum + run.changed, 0),
      failed: runs.reduce((sum, run) => sum + run.failed, 0),
      trips: totalOf(counts) - totalOf(before),
      tripsByKind: countsSince(before, counts),
      rawMsPerThousand: raw[scenario.collection].ms / (members / 1_000),
    });
  }

  console.log('');
  console.log(
    'per job: one day of work (or one hourly tick), from the state yesterday’s sweep left; invocations of at most 45 s each (budget), ' +
      'run back to back; read = items handled; trips = every database request the local cloud answered during the job',
  );
  console.log(
    'ms/1k and trips/1k: over the whole population (work ÷ members × 1,000); raw scan: better-sqlite3 reading and parsing every row of the ' +
      'collection the job sweeps (members, points lots, or orders); ratio = job ms/1k ÷ raw scan ms/1k',
  );
  console.log(formatJobRows(rows, members));
  console.log('');
  console.log('round trips by kind ("tx": inside a transaction):');
  console.log(formatTripKinds(rows));
  const overLimit = rows.filter((row) => row.longestSeconds > 50);
  console.log(overLimit.length ? `invocations over 50 s: ${overLimit.map((row) => row.job).join(', ')}` : 'no invocation over 50 s');
  console.log(`load average ${(loadavg()[0] as number).toFixed(2)} at the end`);
}

void runBench(main);
