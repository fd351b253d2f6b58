/**
 * The member desk on a large membership: seeds N members (phones, nicknames, numbers spread
 * over the whole range) straight into the local cloud's store, then times, through the built
 * `admin` bundle and the real wx-server-sdk, a search by phone, by part of a member number and
 * by the start of a nickname, and the opening of a member's detail (one with a long history,
 * and any member). Then the dashboard on the same membership: one tick of job-daily-stats
 * rolling up the last days (counts over indexed ranges of the N members), and the dashboard's
 * load for 7, 30 and 365 days over a year of rollups. Prints the median of several runs of
 * each, with the fastest and slowest; prints figures only and never fails on a number.
 *
 *   npm run bench:admin -- [--members N] [--runs N]
 *
 * Then exports as many members again as CSV, and 20,000 of them, printing each export's time
 * and peak memory (see exportFigures).
 *
 * `--members` defaults to 100,000 (1,000,000 is the other size worth a look); `--runs` to 9.
 * The function runs in a local-cloud worker thread, the database in this process's main thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import { hashPassword } from '~/server/admin/credentials';
import type { AdminDoc } from '~/types/documents';
import { startLocalCloud } from '../local-cloud/local-cloud';
import { buildFunction } from '../scripts/build-functions';
import type { Doc } from '../local-cloud/db/ejson';
import type { Cleanups } from './support/bench-main';
import { option, runBench } from './support/bench-main';
import { median } from './support/cold-start-report';
import { SEEDED_AT, benchMemberNo, benchPhone, busyMemberId, hasPhone, seedAdminPopulation } from './support/admin-population';
import { benchRollups } from './support/dashboard-rollups';
import { seededRandom } from './support/items';
import { spawn } from 'node:child_process';
import { newMember } from '~/core/members/new-member';

const ROOT = resolve(__dirname, '..');
const PASSWORD = 'bench-admin-password';
const PHONE_SECRET = 'bench-phone-hash-secret-0123456789abcdef';
/** The figure the member desk aims for at 100,000 members, per call as an admin waits for it. */
const TARGET_MS = 300;

function countOption(name: string, fallback: number, least: number): number {
  const value = Number((option(name) ?? String(fallback)).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} needs a whole number of at least ${least}`);
  return value;
}

interface Row {
  case: string;
  example: string;
  results: number;
  ms: number[];
}

function formatRows(rows: Row[]): string {
  const header = ['call', 'example', 'rows', 'median ms', 'min ms', 'max ms', `< ${TARGET_MS} ms`];
  const cells = rows.map((row) => [
    row.case,
    row.example,
    String(row.results),
    median(row.ms).toFixed(1),
    Math.min(...row.ms).toFixed(1),
    Math.max(...row.ms).toFixed(1),
    median(row.ms) < TARGET_MS ? 'yes' : 'no',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => (cell[column] as string).length)));
  const line = (cell: string[]) =>
    cell.map((text, column) => (column < 2 ? text.padEnd(widths[column] as number) : text.padStart(widths[column] as number))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
}

async function main(cleanups: Cleanups): Promise<void> {
  const members = countOption('--members', 100_000, 1_000);
  const runs = countOption('--runs', 9, 1);
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-bench-admin-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  process.stderr.write('  building the admin and job-daily-stats bundles\n');
  await buildFunction(join(ROOT, 'cloudfunctions', 'admin'));
  await buildFunction(join(ROOT, 'cloudfunctions', 'job-daily-stats'));
  const cloud = await startLocalCloud({
    root: ROOT,
    dataDir,
    timers: false,
    maxInstances: 1,
    log: () => undefined,
    functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'b'.repeat(40), LM_PHONE_HASH_SECRET: PHONE_SECRET } },
  });
  cleanups.push(() => cloud.stop());

  console.log(`member desk on ${members.toLocaleString('en-US')} members, through the built admin bundle and the real wx-server-sdk`);
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start (other work on the machine lowers the figures)`,
  );
  const seedStarted = performance.now();
  const seeded = seedAdminPopulation(cloud.store, members, PHONE_SECRET);
  const owner: AdminDoc = { _id: 'admin', role: 'owner', storeId: null, passwordHash: await hashPassword(PASSWORD), createdAt: 0 };
  cloud.store.insert('admins', owner as unknown as Doc);
  console.log(
    `seeded in ${((performance.now() - seedStarted) / 1_000).toFixed(1)} s, in one SQLite transaction: ${seeded.members.toLocaleString('en-US')} members ` +
      `(${seeded.withPhone.toLocaleString('en-US')} with a phone); the member opened has ${Object.entries(seeded.history)
        .map(([collection, n]) => `${n} ${collection}`)
        .join(', ')}`,
  );

  const call = async (event: Record<string, unknown>) => {
    const answer = (await cloud.invoke('admin', event)) as { ok: boolean; data?: unknown; error?: unknown };
    if (!answer.ok) throw new Error(`${String(event.action)}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  const { token } = (await call({ action: 'login', username: 'admin', password: PASSWORD })) as { token: string };

  const random = seededRandom(7);
  const anyone = () => Math.floor(random() * members);
  const someoneWithPhone = () => {
    const i = anyone();
    return hasPhone(i) ? i : i - (i % 10);
  };
  const nicknames = ['林小', '王', 'Coffee', '会员'];
  type Case = { name: string; event: () => Record<string, unknown>; example: (event: Record<string, unknown>) => string };
  const cases: Case[] = [
    {
      name: 'search by phone',
      event: () => ({ action: 'searchMembers', query: benchPhone(someoneWithPhone()), by: 'auto', pageSize: 20 }),
      example: (event) => String(event.query),
    },
    {
      name: 'search by last 4 digits of the number',
      event: () => ({ action: 'searchMembers', query: benchMemberNo(anyone()).slice(-4), by: 'auto', pageSize: 20 }),
      example: (event) => String(event.query),
    },
    {
      name: 'search by first 5 digits of the number',
      event: () => ({ action: 'searchMembers', query: benchMemberNo(anyone()).slice(0, 5), by: 'auto', pageSize: 20 }),
      example: (event) => String(event.query),
    },
    {
      name: 'search by start of nickname',
      event: () => ({ action: 'searchMembers', query: nicknames[Math.floor(random() * nicknames.length)], by: 'nickname', pageSize: 20 }),
      example: (event) => String(event.query),
    },
    {
      name: 'member detail, long history',
      event: () => ({ action: 'getMemberDetail', memberId: busyMemberId(0) }),
      example: () => busyMemberId(0),
    },
    {
      name: 'member detail, any member',
      event: () => ({ action: 'getMemberDetail', memberId: busyMemberId(anyone()) }),
      example: () => 'random',
    },
  ];

  // One call of each first: the instance's start and the programme cache are no part of the figures.
  for (const one of cases) await call({ ...one.event(), token });

  const rows: Row[] = [];
  for (const one of cases) {
    const row: Row = { case: one.name, example: '', results: 0, ms: [] };
    for (let i = 0; i < runs; i += 1) {
      const event = { ...one.event(), token };
      const started = performance.now();
      const answer = (await call(event)) as { items?: unknown[]; records?: { ledger: { items: unknown[] } } };
      row.ms.push(performance.now() - started);
      if (i === 0) {
        row.example = one.example(event);
        row.results = answer.items?.length ?? answer.records?.ledger.items.length ?? 0;
      }
    }
    rows.push(row);
  }

  console.log('');
  console.log(
    `per call: wall time of the admin function answering one request (its worker thread, the SDK's HTTP requests to the local cloud, the queries), ` +
      `${runs} runs each with a different member or query; rows = results on the first page (ledger rows for a detail)`,
  );
  console.log(formatRows(rows));

  // The dashboard: a year of rollups as the job leaves them, less the last two days, which one tick of the job writes.
  const rollups = benchRollups(members, SEEDED_AT, 400);
  cloud.store.atomically(() => rollups.slice(0, -2).forEach((doc) => cloud.store.insert('daily_stats', doc as unknown as Doc)));
  const tickStarted = performance.now();
  const tick = (await cloud.runTimer('job-daily-stats', SEEDED_AT)) as { ok: boolean; data?: { scanned: number; status: string } };
  const tickMs = performance.now() - tickStarted;
  if (!tick.ok || tick.data?.status !== 'finished') throw new Error(`job-daily-stats: ${JSON.stringify(tick)}`);
  const today = dayOf(SEEDED_AT);
  const dashboardRows: Row[] = [];
  for (const days of [7, 30, 365]) {
    const from = dayOf(SEEDED_AT - (days - 1) * DAY_MS);
    const event = { action: 'getDashboard', from, to: today, token };
    await call(event);
    const row: Row = { case: `dashboard, last ${days} days`, example: `${from}..${today}`, results: days * 2, ms: [] };
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await call(event);
      row.ms.push(performance.now() - started);
    }
    dashboardRows.push(row);
  }
  console.log('');
  console.log(
    `dashboard on ${members.toLocaleString('en-US')} members: one job-daily-stats tick rolled up ${tick.data.scanned} days ` +
      `(the two last days and today, counted over indexed ranges) in ${tickMs.toFixed(0)} ms, through its built bundle`,
  );
  console.log(
    `per load: wall time of getDashboard, ${runs} runs each; rows = rollup documents it may read (the range and the period before)`,
  );
  console.log(formatRows(dashboardRows));
  await exportFigures(cloud, members);
  console.log(`load average ${(loadavg()[0] as number).toFixed(2)} at the end`);
}

/** Export members joined from this instant on, one a minute, so a range holds exactly as many as it spans minutes. */
const EXPORT_BASE = Date.UTC(2031, 0, 1);

/**
 * A CSV export of members (startExport, then continueExport until finished, 5,000-row parts to
 * cloud storage) at two sizes, run in a child process through the real SDK so that its peak
 * memory is the export's own: the same peak at both sizes shows memory flat as the count grows.
 */
async function exportFigures(cloud: Awaited<ReturnType<typeof startLocalCloud>>, largest: number): Promise<void> {
  const sizes = [...new Set([Math.min(20_000, largest), largest])];
  const seedStarted = performance.now();
  cloud.store.atomically(() => {
    for (let i = 0; i < largest; i += 1) {
      const member = newMember({
        _id: `bx${i}`,
        openid: `o-bx${i}`,
        memberNo: `8${String(i).padStart(11, '0')}`,
        nickname: `导出会员${i}`,
        now: EXPORT_BASE + i * 60_000,
      });
      member.phone = `139${String(i).padStart(8, '0')}`;
      member.birthday = '1990-05-20';
      cloud.store.insert('members', member as unknown as Doc);
    }
  });
  console.log('');
  console.log(
    `CSV export of members (UTF-8 with BOM, 5,000-row parts to local cloud storage, 8 s a call as the admin function works), ` +
      `${largest.toLocaleString('en-US')} more members seeded in ${((performance.now() - seedStarted) / 1_000).toFixed(1)} s; ` +
      `run in a child process through the real SDK, its memory sampled every 10 ms`,
  );
  const header = ['members', 'seconds', 'rows/s', 'calls', 'parts', 'peak live heap MB', 'peak heap MB', 'peak RSS MB', 'heap at start MB'];
  const table: string[][] = [];
  for (const size of sizes) {
    const line = await new Promise<string>((resolveLine, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--expose-gc',
          '--import',
          'tsx',
          join(ROOT, 'bench/support/export-child.ts'),
          cloud.tcbUrl,
          String(EXPORT_BASE),
          String(EXPORT_BASE + size * 60_000),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolveLine(out.trim().split('\n').pop() ?? '') : reject(new Error(`export child exited with ${code}`)),
      );
    });
    const figures = JSON.parse(line) as {
      rows: number;
      parts: number;
      calls: number;
      seconds: number;
      peakHeapMb: number;
      peakLiveHeapMb: number;
      peakRssMb: number;
      baseHeapMb: number;
    };
    table.push([
      size.toLocaleString('en-US'),
      figures.seconds.toFixed(1),
      Math.round(figures.rows / figures.seconds).toLocaleString('en-US'),
      String(figures.calls),
      String(figures.parts),
      figures.peakLiveHeapMb.toFixed(1),
      figures.peakHeapMb.toFixed(1),
      figures.peakRssMb.toFixed(1),
      figures.baseHeapMb.toFixed(1),
    ]);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => (cells[column] as string).length)));
  const format = (cells: string[]) => cells.map((text, column) => text.padStart(widths[column] as number)).join('  ');
  console.log([format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...table.map(format)].join('\n'));
  console.log(
    'peak live heap: the heap after a full collection (sampled every 250 ms), what the export holds; peak heap includes garbage not yet collected',
  );
}

void runBench(main);
