/**
 * Database round trips of the till: a scan (verify and consume the member code, open the till
 * session, show the member card), a purchase (plain, and with a coupon and points) and a coupon
 * write-off, each counted exactly by action and set beside the fewest it needs, with the mean
 * time of a call. Prints figures only; it never fails on a number.
 *
 *   npx tsx bench/staff.ts [--calls N]
 *
 * The staff routes run in this process through the real wx-server-sdk, as the staff function
 * runs them; the local cloud runs in a child process (bench/support/serve-loyalty-cloud.ts) that
 * counts every database request its engine answers.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newCouponInstance } from '~/core/coupons/new-instance';
import { signMemberCode } from '~/core/members/member-code';
import { database } from '~/server/db/database';
import { MEMBER_CODE_SECRET_ENV, memberCodeKey } from '~/server/members/member-code-key';
import type { RequestContext } from '~/server/runtime/wx';
import { staffRoutes } from '~/server/staff/routes';
import type { StaffDoc } from '~/types/staff';
import { platformEnv } from '../tests/support/sdk';
import type { Cleanups } from './support/bench-main';
import { option, runBench } from './support/bench-main';
import { startChildServer } from './support/child-server';
import { NOW } from './support/loyalty-fixtures';
import type { ActionCounts } from './support/round-trips';
import { ACTION_COLUMNS, countsSince, readCounts, totalOf } from './support/round-trips';

/** The fewest round trips each operation needs, and why. The programme is cached, as in a warm instance. */
const MINIMUM = {
  scan: {
    trips: 8,
    why: '1 staff read + 2 failure slots taken before the check (staff, store) + 1 member read by number + 1 session insert (its duplicate _id refuses a replay) + 3 card reads (coupons, pickups, visits)',
  },
  purchase: {
    trips: 18,
    why: '1 staff read + 1 session read + 1 store read + 1 member read + 1 sale insert (its _id is the receipt) + 7 earn posting (start, entry, member, lot, member, entry, commit) + 2 qualifying spend (insert, window sum) + 1 member read for the upgrade + 1 last-paid date + 1 audit insert + 1 final record',
  },
  purchaseWithCouponAndPoints: {
    trips: 29,
    why: 'a plain purchase + 1 coupon read + 1 coupon write-off + 1 session claim for points + 8 spend posting (start, entry, member, bucket, bucket write, member write, entry insert, commit)',
  },
  writeOff: { trips: 5, why: '1 staff read + 1 session read + 1 coupon read (owner, kind) + 1 guarded write-off + 1 audit insert' },
} as const;

type Operation = keyof typeof MINIMUM;

/** What the code spends beyond the minimum, and why it is worth it. */
const BEYOND: Record<Operation, string> = {
  scan: 'the 2 failure slots are given back after a good scan, so only failures count against the staff member and the store',
  purchase:
    'the receipt is read first, so a repeated receipt is answered as recorded before it is priced (its coupon and points are spent by then)',
  purchaseWithCouponAndPoints: 'as a plain purchase',
  writeOff: 'nothing',
};

async function main(cleanups: Cleanups): Promise<void> {
  const calls = Number(option('--calls') ?? 20);
  process.env[MEMBER_CODE_SECRET_ENV] ??= 'bench-member-code-secret-0123456789abcdef';
  const server = await startChildServer(join(__dirname, 'support', 'serve-loyalty-cloud.ts'));
  cleanups.push(() => server.stop());
  const controlUrl = server.ready.controlUrl as string;
  Object.assign(process.env, platformEnv(server.tcbUrl));
  const db = database();
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${controlUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`seeding ${path}: ${await response.text()}`);
  };

  const members = calls * 4 + 2;
  await post('/members', { prefix: 'till', firstSerial: 0, count: members, openBuckets: 1 });
  const staff: StaffDoc = {
    _id: 'o-bench-cashier',
    storeId: 'bench-store',
    role: 'cashier',
    memberId: 'till-0',
    nickname: '收银员',
    status: 'active',
    inviteCode: 'BENCH234',
    invitedBy: 'admin',
    createdAt: NOW,
    updatedAt: NOW,
    disabledAt: null,
    disabledBy: null,
  };
  const store = { _id: 'bench-store', name: '基准门店', address: '上海', phone: '021', openHours: '10:00-22:00', status: 'open' };
  const coupons = Array.from({ length: members }, (_, i) =>
    newCouponInstance(
      {
        issueKey: `bench-coupon-${i}`,
        memberId: `till-${i}`,
        templateId: 'welcome',
        source: 'welcome',
        title: '满59减10',
        description: '',
        terms: { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 },
        stackingGroup: 'default',
        validFrom: NOW - 60_000,
        validTo: NOW + 7 * 86_400_000,
      },
      NOW,
    ),
  );
  await post('/docs', { docs: { stores: [store], staff: [staff], coupon_instances: coupons } });

  let clock = NOW;
  const ctx = (): RequestContext => ({ now: (clock += 1_000), openid: staff._id, source: 'wx_client', db });
  const route = (action: keyof typeof staffRoutes, input: Record<string, unknown>, at: RequestContext) =>
    (staffRoutes[action] as (input: unknown, ctx: RequestContext) => Promise<unknown>)({ action, ...input }, at);
  let next = 0;
  const scan = async () => {
    const i = (next += 1);
    const at = ctx();
    const code = signMemberCode(memberCodeKey(), { memberId: `till-${i}`, memberNo: String(4_000_000_000 + i) }, at.now).code;
    await route('scan', { code }, at);
    return { sessionId: code, couponId: `bench-coupon-${i}` };
  };

  const measured: Record<Operation, { counts: ActionCounts[]; ms: number[] }> = {
    scan: { counts: [], ms: [] },
    purchase: { counts: [], ms: [] },
    purchaseWithCouponAndPoints: { counts: [], ms: [] },
    writeOff: { counts: [], ms: [] },
  };
  const measure = async (operation: Operation, run: () => Promise<unknown>) => {
    const before = await readCounts(controlUrl);
    const started = performance.now();
    await run();
    measured[operation].ms.push(performance.now() - started);
    measured[operation].counts.push(countsSince(before, await readCounts(controlUrl)));
  };

  // Warm-up: the programme cache and the SDK's connections.
  const warm = await scan();
  await route('recordSale', { sessionId: warm.sessionId, receiptNo: 'W-0', amountFen: 1_000 }, ctx());
  for (let i = 0; i < calls; i += 1) {
    let session = { sessionId: '', couponId: '' };
    await measure('scan', async () => {
      session = await scan();
    });
    await measure('purchase', () => route('recordSale', { sessionId: session.sessionId, receiptNo: `P-${i}`, amountFen: 12_800 }, ctx()));
    const paying = await scan();
    await measure('purchaseWithCouponAndPoints', () =>
      route(
        'recordSale',
        { sessionId: paying.sessionId, receiptNo: `C-${i}`, amountFen: 12_800, couponInstanceId: paying.couponId, points: 1_000 },
        ctx(),
      ),
    );
    const writing = await scan();
    await measure('writeOff', () => route('writeOffCoupon', { sessionId: writing.sessionId, instanceId: writing.couponId }, ctx()));
  }

  console.log(`till round trips through the real wx-server-sdk: mean of ${calls} calls each, uncontended, programme cached\n`);
  const labels = new Map(ACTION_COLUMNS);
  for (const operation of Object.keys(MINIMUM) as Operation[]) {
    const { counts, ms } = measured[operation];
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const trips = mean(counts.map(totalOf));
    const byAction = new Map<string, number>();
    for (const count of counts) for (const [key, value] of Object.entries(count)) byAction.set(key, (byAction.get(key) ?? 0) + value);
    const detail = [...byAction]
      .map(([key, value]) => `${labels.get(key) ?? key} ${Number((value / counts.length).toFixed(2))}`)
      .join(', ');
    console.log(
      `${operation.padEnd(28)} ${trips.toFixed(2).padStart(6)} trips  (minimum ${MINIMUM[operation].trips})  ${mean(ms).toFixed(1)} ms`,
    );
    console.log(`${''.padEnd(28)} ${detail}`);
    console.log(`${''.padEnd(28)} minimum: ${MINIMUM[operation].why}`);
    console.log(`${''.padEnd(28)} beyond it: ${BEYOND[operation]}\n`);
  }
}

void runBench(main);
