import { HOUR_MS } from '~/core/calendar/durations';
import { database } from '~/server/db/database';
import { segmentPage } from '~/server/marketing/segment-pages';
import type { SegmentPreview } from '~/types/functions/marketing-segments';
import type { SegmentRule } from '~/types/marketing';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { connectSdk } from '../../tests/support/sdk';
import { option } from './bench-main';
import type { ActionCounts } from './round-trips';
import { totalOf } from './round-trips';

const SECRET = 'b'.repeat(40);
const PASSWORD = 'bench-segments-password';

/** The bundles segment evaluation calls (built with the benchmark's), and the settings they need. */
export const SEGMENT_BUNDLES = ['admin', 'marketing'];
export const SEGMENT_FUNCTION_ENV: Record<string, Record<string, string>> = {
  admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: PASSWORD },
  marketing: { ADMIN_TOKEN_SECRET: SECRET },
};

/** What the segments benchmark hands each figure: the cloud with refreshed profiles, its size, and the running round-trip counts. */
export interface SegmentBench {
  cloud: LocalCloud;
  members: number;
  /** Database requests answered so far, by kind (bench/support/round-trips.ts); take a copy before and compare after. */
  counts: ActionCounts;
  /** The instant the profiles were refreshed as of. */
  asOf: number;
}

type Group = SegmentRule['groups'][number];
const one = (conditions: Group['conditions'], join: 'and' | 'or' = 'and'): Group => ({ join, conditions });

/** Typical rules, from an indexed list to an `or` no index serves; `paged` ones are also walked with segmentPage. */
const RULES: { name: string; rule: SegmentRule; paged?: boolean }[] = [
  { name: 'everyone (empty rule)', rule: { join: 'and', groups: [] } },
  {
    name: '普通 or 银卡',
    rule: { join: 'and', groups: [one([{ kind: 'list', field: 'tierId', values: ['normal', 'silver'] }])] },
    paged: true,
  },
  {
    name: '3 月生日 and 普通',
    rule: {
      join: 'and',
      groups: [one([{ kind: 'birthdayMonth', months: [3] }]), one([{ kind: 'list', field: 'tierId', values: ['normal'] }])],
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
    paged: true,
  },
  { name: 'dormant: 沉睡 stage', rule: { join: 'and', groups: [one([{ kind: 'list', field: 'stage', values: ['dormant'] }])] } },
  {
    name: 'no purchase for 90+ days (or never)',
    rule: { join: 'and', groups: [one([{ kind: 'range', field: 'lastPurchaseDays', min: 90 }])] },
    paged: true,
  },
  {
    name: 'spend365 ≥ ¥2,000 or purchases ≥ 6',
    rule: {
      join: 'and',
      groups: [
        one(
          [
            { kind: 'range', field: 'spend365Fen', min: 200_000 },
            { kind: 'range', field: 'purchases', min: 6 },
          ],
          'or',
        ),
      ],
    },
    paged: true,
  },
];

const ms = (n: number) => `${n.toFixed(0)} ms`;

/**
 * Figures of evaluating segments over the refreshed profiles, printed after the profile
 * refresh's: the live count of typical rules (previewSegment through the built marketing bundle:
 * the database's count and a sample, one invocation each, warmed first) and paging through a
 * segment with `segmentPage` as a campaign's freeze or a tag run does (time and round trips per
 * 1,000 members, the longest page). `--page-members` (default 200,000) caps how many profiles each
 * paging run walks. The functions' clock is set a few hours after the refresh, as on its day.
 */
export async function segmentFigures(bench: SegmentBench): Promise<string[]> {
  const { cloud, counts } = bench;
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);
  const pageMembers = Math.min(bench.members, Number((option('--page-members') ?? '200000').replace(/_/g, '')));
  const now = bench.asOf + 6 * HOUR_MS;
  cloud.setClock(now);
  try {
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

    out('');
    out('segments — live count (previewSegment: the database count + a sample of 10), one warmed invocation each');
    out('rule'.padEnd(40) + 'members'.padStart(10) + 'time'.padStart(10) + 'round trips'.padStart(13));
    let longest = 0;
    for (const { name, rule } of RULES) {
      process.stderr.write(`  previewSegment ${name}\n`);
      const started = performance.now();
      try {
        await invoke('marketing', { action: 'previewSegment', token, rule }); // warm: the instance and SQLite's page cache
        const before = totalOf(counts);
        const warmed = performance.now();
        const preview = await invoke<SegmentPreview>('marketing', { action: 'previewSegment', token, rule });
        const took = performance.now() - warmed;
        longest = Math.max(longest, took);
        out(
          name.padEnd(40) +
            preview.count.toLocaleString('en-US').padStart(10) +
            ms(took).padStart(10) +
            String(totalOf(counts) - before).padStart(13),
        );
      } catch (error) {
        longest = Math.max(longest, performance.now() - started);
        out(`${name.padEnd(40)}failed after ${ms(performance.now() - started)}: ${(error as Error).message}`);
      }
    }
    out(`  longest preview invocation: ${ms(longest)} (${longest > 20_000 ? 'OVER' : 'under'} the 20 s timeout)`);

    connectSdk(cloud.tcbUrl);
    const ctx = { now, source: 'wx_trigger' as const, db: database() };
    out('');
    out(
      `segments — paging with segmentPage (limit 1,000) through the first ${pageMembers.toLocaleString('en-US')} profiles, in this process`,
    );
    out(
      'rule'.padEnd(40) +
        'members'.padStart(10) +
        'per 1,000 members'.padStart(19) +
        'trips/1,000'.padStart(13) +
        'longest page'.padStart(14),
    );
    for (const { name, rule } of RULES.filter((r) => r.paged)) {
      process.stderr.write(`  paging ${name}\n`);
      let cursor: string | null = null;
      let walked = 0;
      let found = 0;
      let longestPage = 0;
      const before = totalOf(counts);
      const started = performance.now();
      while (walked < pageMembers) {
        const pageStarted = performance.now();
        const page: { memberIds: string[]; next: string | null } = await segmentPage(ctx, rule, now, cursor, 1_000);
        longestPage = Math.max(longestPage, performance.now() - pageStarted);
        found += page.memberIds.length;
        walked += 1_000;
        cursor = page.next;
        if (cursor === null) break;
      }
      const per = (n: number) => (n * 1_000) / Math.min(walked, bench.members);
      out(
        name.padEnd(40) +
          found.toLocaleString('en-US').padStart(10) +
          ms(per(performance.now() - started)).padStart(19) +
          per(totalOf(counts) - before)
            .toFixed(1)
            .padStart(13) +
          ms(longestPage).padStart(14),
      );
    }
  } finally {
    cloud.setClock(null);
  }
  return lines;
}
