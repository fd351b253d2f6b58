/**
 * Throughput of the local cloud through the real, unmodified wx-server-sdk, next to the
 * protocol ceiling (the same SDK calls answered by an endpoint that does no work) and raw
 * better-sqlite3 on the same table layout. Prints figures only; it never fails on a number.
 *
 *   npm run bench:local-cloud -- [--seconds N] [--cpu-prof DIR]
 *
 * The local cloud and the ceiling endpoint each run in their own child process, the SDK
 * client in this one, so that every side has its own event loop as in real use.
 * `--cpu-prof DIR` writes a V8 CPU profile of the local-cloud process into DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connectSdk, platformEnv } from '../tests/support/sdk';
import type { Cleanups } from './support/bench-main';
import { option, runBench, secondsOption } from './support/bench-main';
import type { ChildServer } from './support/child-server';
import { startChildServer } from './support/child-server';
import { ITEM_COUNT } from './support/items';
import type { Operation } from './support/measure';
import { measure } from './support/measure';
import type { RawSqlite } from './support/raw-sqlite';
import { openRawSqlite } from './support/raw-sqlite';
import type { CaseResult } from './support/report';
import { formatTable } from './support/report';
import type { BenchOperations } from './support/sdk-operations';
import { sdkOperations } from './support/sdk-operations';

const CONCURRENCIES = [1, 16];
const TARGETS = ['ceiling', 'localCloud', 'rawSqlite'] as const;
type Target = (typeof TARGETS)[number];
/** Each case's measuring time is split into this many rounds that alternate between targets. */
const ROUNDS = 3;
const OPERATIONS: { name: string; pick: (ops: BenchOperations) => Operation }[] = [
  { name: 'point read', pick: (ops) => ops.pointRead },
  { name: 'guarded update', pick: (ops) => ops.guardedUpdate },
  { name: 'paged scan (100)', pick: (ops) => ops.pagedScan },
];

/** Points the already loaded SDK at another endpoint; it reads TCB_CONTEXT_CNFG on every call. */
function pointSdkAt(tcbUrl: string): void {
  Object.assign(process.env, platformEnv(tcbUrl));
}

async function main(cleanups: Cleanups): Promise<void> {
  const seconds = secondsOption();
  const warmup = Math.min(1, seconds / 3);
  const profileDir = option('--cpu-prof');
  const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];

  const scratch = mkdtempSync(join(tmpdir(), 'lm-bench-'));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  const servers: ChildServer[] = [];
  cleanups.push(() => Promise.all(servers.map((server) => server.stop())).then(() => undefined));
  const started = await Promise.allSettled([
    startChildServer(join(__dirname, 'support', 'serve-local-cloud.ts'), profileArgs),
    startChildServer(join(__dirname, 'support', 'serve-ceiling.ts')),
  ]);
  for (const outcome of started) if (outcome.status === 'fulfilled') servers.push(outcome.value);
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const [local, ceiling] = servers as [ChildServer, ChildServer];
  const raw: RawSqlite = openRawSqlite(scratch, 3);
  cleanups.push(() => raw.close());

  const db = connectSdk(local.tcbUrl).database();
  const targets = { ceiling: sdkOperations(db, 1), localCloud: sdkOperations(db, 2), rawSqlite: raw };
  const urls: Partial<Record<Target, string>> = { ceiling: ceiling.tcbUrl, localCloud: local.tcbUrl };

  console.log(
    `local cloud through wx-server-sdk: ${ITEM_COUNT.toLocaleString('en-US')} items; ${seconds} s per case and target ` +
      `in ${ROUNDS} alternating rounds (best round shown), after ${Number(warmup.toFixed(2))} s warm-up`,
  );
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start ` +
      '(other work on the machine lowers the figures)',
  );
  const results: CaseResult[] = [];
  for (const { name, pick } of OPERATIONS) {
    for (const concurrency of CONCURRENCIES) {
      const row: CaseResult = { operation: name, concurrency, ceiling: 0, localCloud: 0, rawSqlite: 0 };
      const run = (target: Target, duration: number) => {
        const url = urls[target];
        if (url) pointSdkAt(url);
        return measure(pick(targets[target]), concurrency, duration);
      };
      for (const target of TARGETS) await run(target, warmup);
      // Alternating rounds keep a burst of other load on the machine from landing on one target only.
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const target of TARGETS) row[target] = Math.max(row[target], await run(target, seconds / ROUNDS));
      }
      results.push(row);
      process.stderr.write(`  measured ${name} x${concurrency}\n`);
    }
  }

  console.log('');
  console.log(formatTable(results));
  console.log('');
  console.log('ceiling: the same SDK calls answered by an endpoint that does no work (canned answers)');
  console.log('local/ceiling: the share of the protocol ceiling that the local cloud reaches (target: 60 % or more)');
  console.log('raw sqlite: the equivalent statements on better-sqlite3 in this process, no SDK and no HTTP');
  const missed = targets.localCloud.missedUpdates() + targets.rawSqlite.missedUpdates();
  if (missed > 0) console.log(`note: ${missed} guarded updates matched no document`);
  if (profileDir) console.log(`CPU profile of the local-cloud process: ${resolve(profileDir)} (written when it stops)`);
}

void runBench(main);
