/**
 * Evaluating segments over many member profiles: seeds N profiles straight into the local
 * cloud's store, then measures, through the built `marketing` bundle and the real
 * wx-server-sdk, the live count (previewSegment: the database's count and a sample) of a few
 * typical rules, and, in this process, paging through a segment with `segmentPage` as a
 * campaign's freeze does (time and database round trips per 1,000 profiles, the longest page).
 * Prints figures only; it never fails on a number.
 *
 *   npx tsx bench/segment-eval.ts -- [--profiles N] [--page-profiles M]
 *
 * `--profiles` defaults to 1,000,000; `--page-profiles` (default 200,000) caps how many
 * profiles each paging run walks through (the figures are per 1,000 profiles).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DAY_MS } from '~/core/calendar/durations';
import { database } from '~/server/db/database';
import { segmentPage } from '~/server/marketing/segment-pages';
import type { SegmentPreview } from '~/types/functions/marketing-segments';
import type { SegmentRule } from '~/types/marketing';
import { startLocalCloud } from '../local-cloud/local-cloud';
import { buildFunction } from '../scripts/build-functions';
import { randomProfile, seededRandom } from '../tests/support/member-profiles';
import { connectSdk } from '../tests/support/sdk';
import type { Cleanups } from './support/bench-main';
import { option, runBench } from './support/bench-main';
import type { ActionCounts } from './support/round-trips';
import { countKey, totalOf } from './support/round-trips';

const ROOT = resolve(__dirname, '..');
const SECRET = 'b'.repeat(40);
const PASSWORD = 'bench-segments-password';

const one = (conditions: SegmentRule['groups'][number]['conditions'], join: 'and' | 'or' = 'and'): SegmentRule['groups'][number] => ({
  join,
  conditions,
});

/** Typical rules, from an indexed list to an `or` no index serves. */
const RULES: { name: string; rule: SegmentRule }[] = [
  { name: 'everyone (empty rule)', rule: { join: 'and', groups: [] } },
  { name: '金卡 or 钻石', rule: { join: 'and', groups: [one([{ kind: 'list', field: 'tierId', values: ['gold', 'diamond'] }])] } },
  {
    name: '12 月生日 and 金卡',
    rule: {
      join: 'and',
      groups: [one([{ kind: 'birthdayMonth', months: [12] }]), one([{ kind: 'list', field: 'tierId', values: ['gold'] }])],
    },
  },
  {
    name: 'R ≥ 4 and marketing consent',
    rule: {
      join: 'and',
      groups: [
        one([
          { kind: 'range', field: 'rfmR', min: 4 },
          { kind: 'flag', field: 'marketing', value: true },
        ]),
      ],
    },
  },
  {
    name: 'dormant: 沉睡 stage',
    rule: { join: 'and', groups: [one([{ kind: 'list', field: 'stage', values: ['dormant'] }])] },
  },
  {
    name: 'no purchase for 90+ days (or never)',
    rule: { join: 'and', groups: [one([{ kind: 'range', field: 'lastPurchaseDays', min: 90 }])] },
  },
  {
    name: 'spend365 ≥ ¥2,000 or purchases ≥ 20',
    rule: {
      join: 'and',
      groups: [
        one(
          [
            { kind: 'range', field: 'spend365Fen', min: 200_000 },
            { kind: 'range', field: 'purchases', min: 20 },
          ],
          'or',
        ),
      ],
    },
  },
];

function countOption(name: string, fallback: number): number {
  const value = Number((option(name) ?? String(fallback)).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1_000) throw new Error(`${name} needs a whole number of at least 1,000`);
  return value;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(cleanups: Cleanups): Promise<void> {
  const profiles = countOption('--profiles', 1_000_000);
  const pageProfiles = Math.min(profiles, countOption('--page-profiles', 200_000));
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-bench-segments-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  process.stderr.write('  building the admin and marketing bundles\n');
  await Promise.all(['admin', 'marketing'].map((name) => buildFunction(join(ROOT, 'cloudfunctions', name))));
  const cloud = await startLocalCloud({
    root: ROOT,
    dataDir,
    timers: false,
    maxInstances: 1,
    log: () => undefined,
    functionEnv: {
      admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: PASSWORD },
      marketing: { ADMIN_TOKEN_SECRET: SECRET },
    },
  });
  cleanups.push(() => cloud.stop());

  const counts: ActionCounts = {};
  const handle = cloud.engine.handle.bind(cloud.engine);
  cloud.engine.handle = (action, params) => {
    const key = countKey(action, params);
    counts[key] = (counts[key] ?? 0) + 1;
    return handle(action, params);
  };

  console.log(
    `segments over ${profiles.toLocaleString('en-US')} member profiles, through the built marketing bundle and the real wx-server-sdk`,
  );
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start (other work on the machine lowers the figures)`,
  );

  const now = Date.now();
  const seedStarted = performance.now();
  const random = seededRandom(42);
  for (let from = 0; from < profiles; from += 50_000) {
    cloud.store.atomically(() => {
      for (let i = from; i < Math.min(profiles, from + 50_000); i += 1)
        cloud.store.insert('member_profiles', { ...randomProfile(random, i, now) });
    });
  }
  console.log(
    `seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (indexes seg_tier, seg_stage, seg_rfm_r, seg_last_purchase, seg_consent, seg_birthday_month)`,
  );

  const invoke = async <T>(fn: string, event: Record<string, unknown>) => {
    const answer = (await cloud.invoke(fn, event, { source: 'wx_http', clientIp: '10.0.0.1' })) as {
      ok: boolean;
      data: T;
      error?: unknown;
    };
    if (!answer.ok) throw new Error(`${String(event.action)}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  await invoke('admin', { action: 'bootstrapAdmin' });
  const { token } = await invoke<{ token: string }>('admin', { action: 'login', username: 'admin', password: PASSWORD });

  console.log('\nlive count (previewSegment: the database count + a sample of 10), one invocation each');
  console.log('rule'.padEnd(40) + 'members'.padStart(10) + 'time'.padStart(10) + 'round trips'.padStart(13));
  let longest = 0;
  for (const { name, rule } of RULES) {
    const before = totalOf(counts);
    const started = performance.now();
    try {
      await invoke('marketing', { action: 'previewSegment', token, rule }); // warm: the instance and SQLite's page cache
      const warmed = performance.now();
      const preview = await invoke<SegmentPreview>('marketing', { action: 'previewSegment', token, rule });
      const took = performance.now() - warmed;
      longest = Math.max(longest, took);
      const trips = (totalOf(counts) - before) / 2;
      console.log(
        name.padEnd(40) + preview.count.toLocaleString('en-US').padStart(10) + ms(took).padStart(10) + String(trips).padStart(13),
      );
    } catch (error) {
      longest = Math.max(longest, performance.now() - started);
      console.log(`${name.padEnd(40)}failed after ${ms(performance.now() - started)}: ${(error as Error).message}`);
    }
  }
  console.log(`longest preview invocation: ${ms(longest)}`);

  connectSdk(cloud.tcbUrl);
  const ctx = { now, source: 'wx_trigger', db: database() };
  console.log(
    `\npaging with segmentPage (limit 1,000) through the first ${pageProfiles.toLocaleString('en-US')} profiles, in this process`,
  );
  console.log(
    'rule'.padEnd(40) +
      'members'.padStart(10) +
      'per 1,000 profiles'.padStart(20) +
      'trips/1,000'.padStart(13) +
      'longest page'.padStart(14),
  );
  for (const { name, rule } of RULES.filter((_r, i) => [1, 3, 5, 6].includes(i))) {
    let cursor: string | null = null;
    let walked = 0;
    let members = 0;
    let longestPage = 0;
    const before = totalOf(counts);
    const started = performance.now();
    while (walked < pageProfiles) {
      const pageStarted = performance.now();
      const page: { memberIds: string[]; next: string | null } = await segmentPage(ctx, rule, now - DAY_MS / 2, cursor, 1_000);
      longestPage = Math.max(longestPage, performance.now() - pageStarted);
      members += page.memberIds.length;
      walked += 1_000;
      cursor = page.next;
      if (cursor === null) break;
    }
    const per = (n: number) => (n * 1_000) / Math.min(walked, profiles);
    console.log(
      name.padEnd(40) +
        members.toLocaleString('en-US').padStart(10) +
        ms(per(performance.now() - started)).padStart(20) +
        per(totalOf(counts) - before)
          .toFixed(1)
          .padStart(13) +
        ms(longestPage).padStart(14),
    );
  }
}

void runBench(main);
