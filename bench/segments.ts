/**
 * Member profiles on a large population: seeds N members with a year of online orders and
 * in-store sales straight into the local cloud's store, runs one day's job-refresh-profiles
 * through its built bundle as the timer would (one invocation at a time, each within its 45 s
 * budget, continuing on the next tick until the sweep is done), and prints the time and
 * database round trips per 1,000 members and the longest single invocation; then the figures
 * of segment evaluation over those profiles (bench/support/segments-figures.ts): the live count
 * of typical rules through the built marketing bundle, and paging with segmentPage. Prints
 * figures only; it never fails on a number.
 *
 *   npm run bench:segments -- [--members N] [--page-members M]
 *
 * `--members` defaults to 1,000,000; `--page-members` (default 200,000) caps how many profiles
 * each paging run walks (its figures are per 1,000 members).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DAY_MS, MINUTE_MS } from '~/core/calendar/durations';
import { newMember } from '~/core/members/new-member';
import type { JobRunDoc } from '~/types/jobs';
import type { Doc } from '../local-cloud/db/ejson';
import type { DocStore } from '../local-cloud/db/store';
import { startLocalCloud } from '../local-cloud/local-cloud';
import { buildFunction } from '../scripts/build-functions';
import type { Cleanups } from './support/bench-main';
import { option, runBench } from './support/bench-main';
import type { ActionCounts } from './support/round-trips';
import { countKey, countsSince, totalOf } from './support/round-trips';
import { SEGMENT_BUNDLES, SEGMENT_FUNCTION_ENV, segmentFigures } from './support/segments-figures';

const ROOT = resolve(__dirname, '..');
const JOB = 'job-refresh-profiles';
/** 03:00 on 1 March 2027 in Shanghai. */
const BENCH_AT = Date.UTC(2027, 1, 28, 19);
const MAX_TICKS = 2_000;
const STORES = ['store-a', 'store-b', 'store-c', 'store-d'];
const CATEGORIES = ['tea', 'cups', 'snacks', 'gifts', 'books', 'bags'];

/** A repeatable pseudo-random sequence in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

/**
 * Members, three in five taking marketing messages, one in five without a purchase in the year; the others with 1–8 purchases spread over
 * the year, three in four online (1–2 lines) and the rest in store; addresses for half, check-ins
 * for a third. One SQLite transaction.
 */
function seedPopulation(store: DocStore, count: number): { members: number; orders: number; sales: number; other: number } {
  const random = seededRandom(20_270_301);
  const seeded = { members: 0, orders: 0, sales: 0, other: 0 };
  const insert = (collection: string, doc: object) => store.insert(collection, doc as Doc);
  store.atomically(() => {
    for (const [i, id] of CATEGORIES.entries()) {
      insert('categories', { _id: id, name: id, iconUrl: '', sort: i });
      for (let p = 0; p < 5; p += 1) insert('products', { _id: `${id}-${p}`, categoryId: id, status: 'onSale' });
    }
    for (let i = 0; i < count; i += 1) {
      const id = `bm${String(i).padStart(7, '0')}`;
      const joinedAt = BENCH_AT - Math.floor(random() * 1_095 * DAY_MS);
      const member = newMember({ _id: id, openid: `o-${id}`, memberNo: String(4_000_000_000 + i), now: joinedAt });
      if (random() < 0.6)
        member.birthday = `19${70 + Math.floor(random() * 30)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
      // Three in five take marketing messages (by number, leaving the random sequence as it was).
      if (i % 5 < 3) member.consent = { marketing: true, updatedAt: joinedAt };
      insert('members', member);
      seeded.members += 1;
      const purchases = random() < 0.2 ? 0 : 1 + Math.floor(random() * 8);
      for (let k = 0; k < purchases; k += 1) {
        const at = Math.max(joinedAt, BENCH_AT - Math.floor(random() * 365 * DAY_MS));
        const paidFen = 1_000 + Math.floor(random() * 40_000);
        if (random() < 0.75) {
          const lines = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, n) => ({
            lineId: `L${n}`,
            productId: `${CATEGORIES[Math.floor(random() * CATEGORIES.length)]}-${Math.floor(random() * 5)}`,
            quantity: 1 + Math.floor(random() * 3),
            paidFen: Math.round(paidFen / 2),
            refundId: null,
          }));
          insert('orders', {
            _id: `o-${id}-${k}`,
            orderNo: `B${i}-${k}`,
            memberId: id,
            status: 'completed',
            paidAt: at,
            createdAt: at,
            lines,
          });
          seeded.orders += 1;
        } else {
          const storeId = STORES[Math.floor(random() * STORES.length)];
          insert('store_sales', { _id: `s-${id}-${k}`, memberId: id, storeId, paidFen, status: 'recorded', createdAt: at, day: '' });
          seeded.sales += 1;
        }
      }
      if (random() < 0.5) {
        insert('member_addresses', {
          _id: `a-${id}`,
          memberId: id,
          province: '上海市',
          city: '上海市',
          defaultAt: joinedAt,
          createdAt: joinedAt,
        });
        seeded.other += 1;
      }
      if (random() < 0.33) {
        for (let d = 1; d <= 3; d += 1) {
          insert('ledger_entries', { _id: `checkin:${id}:${d}`, memberId: id, kind: 'checkin', createdAt: BENCH_AT - d * DAY_MS });
          seeded.other += 1;
        }
      }
    }
  });
  return seeded;
}

async function main(cleanups: Cleanups): Promise<void> {
  const members = Number((option('--members') ?? '1000000').replace(/_/g, ''));
  if (!Number.isInteger(members) || members < 1_000) throw new Error('--members needs a whole number of at least 1,000');
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-bench-segments-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  process.stderr.write(`  building the ${[JOB, ...SEGMENT_BUNDLES].join(', ')} bundles\n`);
  await Promise.all([JOB, ...SEGMENT_BUNDLES].map((name) => buildFunction(join(ROOT, 'cloudfunctions', name))));
  const cloud = await startLocalCloud({
    root: ROOT,
    dataDir,
    timers: false,
    maxInstances: 1,
    log: () => undefined,
    functionEnv: SEGMENT_FUNCTION_ENV,
  });
  cleanups.push(() => cloud.stop());
  const counts: ActionCounts = {};
  const handle = cloud.engine.handle.bind(cloud.engine);
  cloud.engine.handle = (action, params) => {
    const key = countKey(action, params);
    counts[key] = (counts[key] ?? 0) + 1;
    return handle(action, params);
  };

  console.log(`member profiles on ${members.toLocaleString('en-US')} members, through the built bundle and the real wx-server-sdk`);
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start (other work on the machine lowers the figures)`,
  );
  const seedStarted = performance.now();
  const seeded = seedPopulation(cloud.store, members);
  console.log(
    `seeded in ${((performance.now() - seedStarted) / 1_000).toFixed(1)} s: ${seeded.members.toLocaleString('en-US')} members, ` +
      `${seeded.orders.toLocaleString('en-US')} online orders, ${seeded.sales.toLocaleString('en-US')} in-store sales, ${seeded.other.toLocaleString('en-US')} addresses and check-ins`,
  );
  // Load the bundle once (a call that is not a timer is turned away at once), so no figure includes an instance's start.
  await cloud.invoke(JOB, {}, { source: 'wx_http' });

  const before = { ...counts };
  const runs: JobRunDoc[] = [];
  let longest = 0;
  let seconds = 0;
  for (let i = 0; i < MAX_TICKS; i += 1) {
    const started = performance.now();
    const result = (await cloud.runTimer(JOB, BENCH_AT + i * MINUTE_MS)) as { ok: boolean; data: JobRunDoc | null; error?: unknown };
    const took = (performance.now() - started) / 1_000;
    if (!result.ok) throw new Error(`${JOB}: ${JSON.stringify(result.error)}`);
    if (!result.data) break;
    longest = Math.max(longest, took);
    seconds += took;
    runs.push(result.data);
    process.stderr.write(`  invocation ${runs.length} ${result.data.status}, ${result.data.scanned} items, ${took.toFixed(1)} s\n`);
    if (result.data.status === 'finished' || result.data.status === 'failed') break;
  }
  const trips = totalOf(counts) - totalOf(before);
  const perThousand = members / 1_000;
  console.log('');
  console.log(
    `${JOB}: ${runs.length} invocations (${runs.at(-1)?.status ?? 'none'}), ${runs.reduce((sum, run) => sum + run.scanned, 0).toLocaleString('en-US')} items ` +
      `(each member refreshed, then scored), ${runs.reduce((sum, run) => sum + run.failed, 0)} failed`,
  );
  console.log(
    `  ${seconds.toFixed(1)} s in all: ${((1_000 * seconds) / perThousand).toFixed(0)} ms and ${(trips / perThousand).toFixed(1)} round trips per 1,000 members; ` +
      `longest invocation ${longest.toFixed(1)} s (${longest > 50 ? 'OVER' : 'under'} 50 s)`,
  );
  const kinds = Object.entries(countsSince(before, counts)).sort(([, a], [, b]) => b - a);
  console.log(`  round trips by kind: ${kinds.map(([kind, n]) => `${kind} ${n.toLocaleString('en-US')}`).join(', ')}`);
  const stages = ['new', 'active', 'dormant', 'churned', 'wonBack'].map(
    (stage) => `${stage} ${cloud.store.count('member_profiles', ["json_extract(doc, '$.stage') = ?"], [stage])}`,
  );
  console.log(`  stages: ${stages.join(', ')}`);

  for (const line of await segmentFigures({ cloud, members, counts, asOf: BENCH_AT })) console.log(line);
  console.log(`load average ${(loadavg()[0] as number).toFixed(2)} at the end`);
}

void runBench(main);
