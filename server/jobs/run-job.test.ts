import { availableAt } from '~/core/points/expiry';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { JobRunDoc } from '~/types/jobs';
import { adjustPoints } from '../points/adjust-points';
import { earnForOrder } from '../points/earn-for-order';
import { spendPoints } from '../points/spend-points';
import { startReturnWindow } from '../points/start-return-window';
import { reconcileAll } from '../points/reconcile';
import type { RequestContext } from '../runtime/wx';
import { expirePointsJob, releasePointsJob } from './points-jobs';
import type { JobSpec } from './run-job';
import { runJob } from './run-job';
import { DAY_MS } from '~/core/calendar/durations';
import { allStored, putStored, stored } from '../../tests/support/stored';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';

const NOW = Date.UTC(2026, 10, 22, 2);

/** A clock that moves 10 ms each time the job looks at it, so a small budget ends a run after a few pages. */
const steppingClock = () => {
  let t = 0;
  return () => (t += 10);
};

describe('timer jobs: cursor, lease, budget and idempotency', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    for (let i = 0; i < 30; i += 1) {
      addMember(cloud, `jm${i}`, NOW);
      await earnForOrder(ctx(NOW), { memberId: `jm${i}`, orderId: `jo${i}`, lines: [{ lineId: 'l1', paidFen: 10_000 + i }] });
      await startReturnWindow(ctx(NOW), { orderId: `jo${i}`, completedAt: NOW + (i % 3) * DAY_MS });
    }
  });
  afterAll(() => cloud?.stop());

  const member = (id: string) => stored(cloud, 'members', id);

  it('releases every due lot exactly once over several budget-limited runs, and a re-run changes nothing', async () => {
    const spec = { ...releasePointsJob, pageSize: 4, budgetMs: 25 };
    const at = NOW + 10 * DAY_MS;
    const runs: JobRunDoc[] = [];
    for (let tick = 0; tick < 20; tick += 1) {
      const run = (await runJob(ctx(at), spec, steppingClock())) as JobRunDoc;
      runs.push(run);
      if (run.status === 'finished') break;
    }
    expect(runs.slice(0, -1).every((run) => run.status === 'paused')).toBe(true);
    expect(runs.at(-1)?.status).toBe('finished');
    expect(runs.reduce((sum, run) => sum + run.changed, 0)).toBe(30);
    for (let i = 0; i < 30; i += 1) expect(member(`jm${i}`).points).toMatchObject({ pending: 0, available: 100 });
    const again = await runJob(ctx(at), spec, steppingClock());
    expect(again).toMatchObject({ status: 'finished', scanned: 0, changed: 0 });
    expect(cloud.store.count('job_runs')).toBe(runs.length + 1);
    expect((await reconcileAll(ctx(at))).problems).toEqual([]);
  });

  it('counts the outcomes a page handler answers; a page whose handler throws stops the run, and the next run does it again', async () => {
    const numbers = [0, 1, 2, 3, 4, 5, 6];
    let lost = true;
    const spec: JobSpec<number> = {
      name: 'job-test-pages',
      budgetMs: 1_000,
      pageSize: 3,
      page: async (_ctx, cursor, limit) => {
        const from = cursor ? Number(cursor) : 0;
        const next = from + limit < numbers.length ? String(from + limit) : null;
        return { items: numbers.slice(from, from + limit), next };
      },
      handlePage: async (_ctx, items) => {
        if (items.includes(6) && lost) throw new Error('page lost');
        return items.map((n) => (n % 3 === 0 ? 'changed' : n % 3 === 1 ? 'skipped' : { error: new Error(`item ${n}`) }));
      },
    };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runJob(ctx(NOW), spec)).toMatchObject({
        status: 'failed',
        note: 'page lost',
        scanned: 6,
        changed: 2,
        skipped: 2,
        failed: 2,
        cursor: '6',
      });
      lost = false;
      expect(await runJob(ctx(NOW + 60_000), spec)).toMatchObject({
        status: 'finished',
        scanned: 1,
        changed: 1,
        failed: 0,
        sweepAsOf: NOW,
      });
      expect(errors).toHaveBeenCalledTimes(2);
    } finally {
      errors.mockRestore();
    }
  });

  it('handles two pages at once but saves the cursor page by page, in order', async () => {
    const numbers = Array.from({ length: 20 }, (_, i) => i);
    const handled: number[] = [];
    const spec: JobSpec<number> = {
      name: 'job-test-in-flight',
      budgetMs: 1_000,
      pageSize: 3,
      pagesInFlight: 2,
      page: async (_ctx, cursor, limit) => {
        const from = cursor ? Number(cursor) : 0;
        return { items: numbers.slice(from, from + limit), next: from + limit < numbers.length ? String(from + limit) : null };
      },
      // Every other page takes longer, so the one after it is done first.
      handlePage: async (_ctx, items) => {
        await new Promise((resolve) => setTimeout(resolve, (items[0] as number) % 2 === 0 ? 30 : 1));
        handled.push(...items);
        return items.map(() => 'changed');
      },
    };
    const cursors: unknown[] = [];
    const handle = cloud.engine.handle.bind(cloud.engine);
    cloud.engine.handle = (action, params) => {
      const answer = handle(action, params);
      if (action === 'database.modifyDocument' && params.collectionName === 'job_state' && String(params.data).includes('cursor')) {
        cursors.push((cloud.store.parse(cloud.store.get('job_state', 'job-test-in-flight') as never) as { cursor: unknown }).cursor);
      }
      return answer;
    };
    try {
      expect(await runJob(ctx(NOW), spec)).toMatchObject({ status: 'finished', scanned: 20, changed: 20 });
    } finally {
      cloud.engine.handle = handle;
    }
    expect([...handled].sort((a, b) => a - b)).toEqual(numbers);
    expect(handled).not.toEqual(numbers);
    expect(cursors.filter((cursor) => cursor !== null && cursor !== undefined)).toEqual(['3', '6', '9', '12', '15', '18']);
  });

  it('lets only one of two overlapping runs work', async () => {
    const [a, b] = await Promise.all([runJob(ctx(NOW + 11 * DAY_MS), releasePointsJob), runJob(ctx(NOW + 11 * DAY_MS), releasePointsJob)]);
    expect([a?.status, b?.status].sort()).toEqual(['finished', 'skipped']);
  });

  it('expires what is left after the month ends, and closes emptied buckets without an entry', async () => {
    addMember(cloud, 'ex1', NOW);
    addMember(cloud, 'ex2', NOW);
    await adjustPoints(ctx(NOW), { memberId: 'ex1', key: 'ex1-a', points: 70, reason: '活动奖励', adminId: 'admin' });
    await adjustPoints(ctx(NOW), { memberId: 'ex2', key: 'ex2-a', points: 40, reason: '活动奖励', adminId: 'admin' });
    await spendPoints(ctx(NOW), { memberId: 'ex2', key: 'spend:ex2', points: 40, reason: '兑换礼品', ref: { type: 'reward', id: 'x' } });
    const entriesBefore = cloud.store.count('ledger_entries');
    const afterMonth = Date.UTC(2027, 10, 30, 16, 30); // 00:30 on 1 Dec 2027 in Shanghai
    const run = await runJob(ctx(afterMonth), expirePointsJob);
    expect(run?.status).toBe('finished');
    expect(availableAt(member('ex1').points, afterMonth)).toBe(0);
    expect(availableAt(member('ex2').points, afterMonth)).toBe(0);
    expect(cloud.store.parse(cloud.store.get('ledger_entries', 'expire:bucket:ex1:2027-11') as never)).toMatchObject({
      available: -70,
      balanceAfter: { available: 0 },
    });
    // The 30 released buckets of the other test expire too (their points were earned in November 2026).
    expect(cloud.store.count('ledger_entries') - entriesBefore).toBe(31);
    expect(cloud.store.parse(cloud.store.get('point_lots', 'bucket:ex2:2027-11') as never)).toMatchObject({
      state: 'expired',
      remaining: 0,
    });
    expect((await runJob(ctx(afterMonth + DAY_MS), expirePointsJob))?.scanned).toBe(0);
    expect((await reconcileAll(ctx(afterMonth))).problems).toEqual([]);
  });

  it('records its progress on the run after each page, against the sweep’s size by indexed counts, and a paused job does nothing', async () => {
    const seen: { scanned: number; estimate: number | null | undefined }[] = [];
    const spec: JobSpec<PhaseItem<'members'>> = {
      name: 'job-progress-test',
      cadence: 'eachTick',
      budgetMs: 60_000,
      pageSize: 7,
      page: phasedPages<'members'>(async (c) => [
        { name: 'all', collection: 'members', where: {}, field: 'joinedAt', range: [c.db.command.gte(0)] },
      ]),
      handlePage: async (_c, items) => {
        const running = allStored(cloud, 'job_runs').find((run) => run.job === 'job-progress-test' && run.status === 'running');
        seen.push({ scanned: running?.scanned ?? -1, estimate: running?.estimate });
        return items.map(() => 'skipped' as const);
      },
    };
    const members = cloud.store.count('members');
    const run = (await runJob(ctx(NOW), spec)) as JobRunDoc;
    expect(run).toMatchObject({ status: 'finished', scanned: members, estimate: members, trigger: 'timer' });
    // Each page finds the pages before it already counted on the run.
    expect(seen.map((page) => page.scanned)).toEqual(seen.map((_page, i) => i * 7));
    expect(seen.every((page) => page.estimate === members)).toBe(true);

    const runs = cloud.store.count('job_runs');
    const state = stored(cloud, 'job_state', 'job-progress-test');
    cloud.store.remove('job_state', 'job-progress-test');
    putStored(cloud, 'job_state', { ...state, paused: true });
    expect(await runJob(ctx(NOW + DAY_MS), spec)).toBeNull();
    expect(cloud.store.count('job_runs')).toBe(runs);
    expect(stored(cloud, 'job_state', 'job-progress-test')).toMatchObject({ leaseOwner: null, cursor: null });
  });
});
