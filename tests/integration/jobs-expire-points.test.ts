import { DAY_MS, HOUR_MS } from '~/core/calendar/durations';
import { availableAt } from '~/core/points/expiry';
import { database } from '~/server/db/database';
import { adjustPoints } from '~/server/points/adjust-points';
import { spendPoints } from '~/server/points/spend-points';
import { reconcileAll } from '~/server/points/reconcile';
import type { RequestContext } from '~/server/runtime/wx';
import type { MemberDoc } from '~/types/documents';
import type { JobRunDoc } from '~/types/jobs';
import { connectSdk } from '../support/sdk';
import type { JobsCloud } from './jobs-support';
import { all, read, seedMember, shanghai, startJobsCloud, subscribe, tick } from './jobs-support';

const dayKey = (at: number) => new Date(at + 8 * HOUR_MS).toISOString().slice(0, 10);

describe('job-expire-points through the built bundle: expiry notices and month-end expiry', () => {
  let jobs: JobsCloud;
  let ctx: (now: number) => RequestContext;
  const runs: JobRunDoc[] = [];
  /** Day each notification first appeared, and each expiry entry. */
  const happenedOn = new Map<string, string>();

  beforeAll(async () => {
    jobs = await startJobsCloud();
    const { cloud } = jobs;
    connectSdk(cloud.tcbUrl);
    const db = database();
    ctx = (now) => ({ now, source: 'wx_trigger', db });
    const joined = shanghai(2026, 10, 1);
    for (const id of ['nov', 'dec', 'spent']) seedMember(cloud, id, joined);
    subscribe(cloud, 'nov', 1, ['pointsExpiring']);
    subscribe(cloud, 'dec', 1, ['pointsExpiring']);
    // Points expire at the end of the 12th month after the month earned.
    await adjustPoints(ctx(shanghai(2026, 11, 10)), { memberId: 'nov', key: 'nov-1', points: 100, reason: '活动奖励', adminId: 'admin' });
    await adjustPoints(ctx(shanghai(2026, 12, 15)), { memberId: 'dec', key: 'dec-1', points: 50, reason: '活动奖励', adminId: 'admin' });
    await adjustPoints(ctx(shanghai(2026, 11, 20)), {
      memberId: 'spent',
      key: 'spent-1',
      points: 30,
      reason: '活动奖励',
      adminId: 'admin',
    });
    await spendPoints(ctx(shanghai(2026, 11, 21)), {
      memberId: 'spent',
      key: 'spend:spent',
      points: 30,
      reason: '兑换礼品',
      ref: { type: 'reward', id: 'r1' },
    });

    // The timer fires every 10 minutes; the day's sweep runs on the first tick after midnight.
    for (let at = shanghai(2027, 11, 15, 0, 10); at <= shanghai(2028, 1, 5, 0, 10); at += DAY_MS) {
      const run = await tick(cloud, 'job-expire-points', at);
      if (run) runs.push(run);
      expect(await tick(cloud, 'job-expire-points', at + 10 * 60_000)).toBeNull();
      for (const doc of all(cloud, 'notifications')) if (!happenedOn.has(doc._id)) happenedOn.set(doc._id, dayKey(at));
      for (const doc of all(cloud, 'ledger_entries'))
        if (doc.kind === 'expire' && !happenedOn.has(doc._id)) happenedOn.set(doc._id, dayKey(at));
    }
  }, 180_000);
  afterAll(() => jobs?.stop());

  it('reminds 7 days before the month ends, once per month of points', () => {
    expect(happenedOn.get('pointsExpiring:bucket:nov:2027-11')).toBe('2027-11-24');
    expect(happenedOn.get('pointsExpiring:bucket:dec:2027-12')).toBe('2027-12-25');
    const sent = jobs.cloud.outbox
      .list(10)
      .map((message) => [message.touser, message.templateId, (message.data as { data: unknown }).data]);
    expect(sent.reverse()).toEqual([
      ['o-nov', 'points-expiring', { number1: { value: '100' }, date2: { value: '2027年11月30日' }, thing3: expect.anything() }],
      ['o-dec', 'points-expiring', { number1: { value: '50' }, date2: { value: '2027年12月31日' }, thing3: expect.anything() }],
    ]);
    expect(all(jobs.cloud, 'notifications').map((doc) => doc._id)).toHaveLength(2);
  });

  it('expires what is left on the first sweep after the month ends, across the year end too', () => {
    const expiries = [...happenedOn].filter(([id]) => !id.startsWith('pointsExpiring'));
    expect(expiries.map(([, day]) => day).sort()).toEqual(['2027-12-01', '2028-01-01']);
    // The points left the balance at midnight; the members' documents wait for their next posting.
    const end = shanghai(2028, 1, 5);
    expect(availableAt((read(jobs.cloud, 'members', 'nov') as MemberDoc).points, end)).toBe(0);
    expect(availableAt((read(jobs.cloud, 'members', 'dec') as MemberDoc).points, end)).toBe(0);
    expect(read(jobs.cloud, 'ledger_entries', 'expire:bucket:nov:2027-11')).toMatchObject({
      available: -100,
      balanceAfter: { available: 0 },
    });
    expect(read(jobs.cloud, 'point_lots', 'bucket:nov:2027-11')).toMatchObject({ state: 'expired', remaining: 100 });
    expect(read(jobs.cloud, 'point_lots', 'bucket:spent:2027-11')).toMatchObject({ state: 'expired', remaining: 0 });
    expect(read(jobs.cloud, 'ledger_entries', 'expire:bucket:spent:2027-11')).toBeNull();
  });

  it('keeps the books: balance = ledger = lots, with one clean sweep a day', async () => {
    expect((await reconcileAll(ctx(shanghai(2028, 1, 5)))).problems).toEqual([]);
    expect(runs).toHaveLength(52);
    expect(runs.every((run) => run.status === 'finished' && run.failed === 0)).toBe(true);
  });
});
