import { DAY_MS, HOUR_MS } from '~/core/calendar/durations';
import type { MemberDoc } from '~/types/documents';
import type { JobRunDoc } from '~/types/jobs';
import type { JobsCloud } from './jobs-support';
import { all, read, seedMember, shanghai, startJobsCloud, subscribe, tick } from './jobs-support';

const YEAR = 365 * DAY_MS;
/** 10:00 on 1 March 2027: the first anniversary falls on the leap day, 29 February 2028. */
const SINCE = shanghai(2027, 3, 1, 10);
/** 10:00 on 20 December 2026: the first anniversary's notice and drop fall across the year end. */
const WINTER = shanghai(2026, 12, 20, 10);

describe('job-review-tiers through the built bundle, day by day', () => {
  let jobs: JobsCloud;
  const member = (id: string) => read(jobs.cloud, 'members', id) as MemberDoc;
  /** Payments recorded as the clock passes them (the rolling spend counts every record from the window's start on). */
  const payments: { _id: string; memberId: string; amountFen: number; at: number }[] = [];
  const spend = (memberId: string, key: string, amountFen: number, at: number) =>
    payments.push({ _id: `spend:${key}`, memberId, amountFen, at });
  const recordPaymentsUpTo = (now: number) => {
    for (const payment of payments.filter((candidate) => candidate.at <= now && !jobs.cloud.store.get('spend_records', candidate._id))) {
      jobs.cloud.store.insert('spend_records', { ...payment });
    }
  };
  const history = (memberId: string) => all(jobs.cloud, 'tier_history').filter((change) => change.memberId === memberId);
  const messages = (memberId: string) =>
    jobs.cloud.outbox
      .list(1000)
      .filter((message) => message.touser === `o-${memberId}`)
      .reverse();

  const NAMES = ['lapse', 'keep', 'recover', 'missed', 'winter'] as const;
  /** Member states after each day's sweep, by day. */
  const days = new Map<string, Record<(typeof NAMES)[number], MemberDoc>>();
  const runs: JobRunDoc[] = [];

  beforeAll(async () => {
    jobs = await startJobsCloud({
      functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'x'.repeat(40), ADMIN_INITIAL_PASSWORD: 'first-password' } },
    });
    const { cloud } = jobs;
    const firstLook = SINCE + YEAR + 16 * DAY_MS;
    seedMember(cloud, 'lapse', SINCE - 100 * DAY_MS, { tierId: 'gold', tierSince: SINCE, tierReviewAt: firstLook, tierNotice: null });
    seedMember(cloud, 'keep', SINCE - 100 * DAY_MS, { tierId: 'silver', tierSince: SINCE, tierReviewAt: firstLook, tierNotice: null });
    seedMember(cloud, 'recover', SINCE - 100 * DAY_MS, { tierId: 'gold', tierSince: SINCE, tierReviewAt: firstLook, tierNotice: null });
    seedMember(cloud, 'missed', SINCE - 100 * DAY_MS);
    seedMember(cloud, 'winter', WINTER - 100 * DAY_MS, {
      tierId: 'diamond',
      tierSince: WINTER,
      tierReviewAt: WINTER + YEAR + 16 * DAY_MS,
      tierNotice: null,
    });
    for (const id of NAMES) subscribe(cloud, id, 2);
    spend('lapse', 'l1', 300_000, SINCE + 4 * DAY_MS);
    spend('keep', 'k1', 90_000, shanghai(2027, 12, 1));
    spend('winter', 'w1', 2_500_000, WINTER + 2 * DAY_MS);
    spend('winter', 'w2', 1_000_000, shanghai(2027, 6, 1));
    // A payment whose upgrade did not happen (recorded, then the instance died).
    spend('missed', 'm1', 120_000, shanghai(2028, 3, 10, 9));
    // Back above gold's keep threshold after the notice, before the drop.
    spend('recover', 'r1', 450_000, shanghai(2028, 3, 20, 15));

    // One sweep a day at 10:30, from before the winter anniversary to after the spring drops.
    for (let day = shanghai(2027, 12, 15, 10, 30); day <= shanghai(2028, 4, 5, 10, 30); day += DAY_MS) {
      recordPaymentsUpTo(day);
      const run = await tick(cloud, 'job-review-tiers', day);
      if (run) runs.push(run);
      const key = new Date(day + 8 * HOUR_MS).toISOString().slice(0, 10);
      days.set(key, Object.fromEntries(NAMES.map((id) => [id, member(id)])) as Record<(typeof NAMES)[number], MemberDoc>);
    }
  }, 180_000);
  afterAll(() => jobs?.stop());

  it('runs one finished sweep a day, and a second tick the same day does nothing', async () => {
    expect(runs).toHaveLength(113);
    expect(runs.every((run) => run.status === 'finished' && run.failed === 0)).toBe(true);
    expect(await tick(jobs.cloud, 'job-review-tiers', shanghai(2028, 4, 5, 18))).toBeNull();
  });

  it('drops a lapsed member one tier, 14 days after an at-risk notice that came 16 days after the leap-day anniversary', () => {
    const notice = { reviewAt: SINCE + YEAR, noticedAt: shanghai(2028, 3, 16, 10, 30), downgradeAt: shanghai(2028, 3, 30, 10, 30) };
    expect(SINCE + YEAR).toBe(shanghai(2028, 2, 29, 10));
    expect(days.get('2028-03-15')?.lapse).toMatchObject({ tierId: 'gold', tierNotice: null });
    expect(days.get('2028-03-16')?.lapse).toMatchObject({ tierId: 'gold', tierNotice: notice, tierReviewAt: notice.downgradeAt });
    expect(days.get('2028-03-29')?.lapse).toMatchObject({ tierId: 'gold' });
    expect(days.get('2028-03-30')?.lapse).toMatchObject({
      tierId: 'silver',
      tierSince: notice.downgradeAt,
      tierNotice: null,
      tierReviewAt: notice.downgradeAt + YEAR + 16 * DAY_MS,
    });
    expect(history('lapse')).toEqual([
      {
        _id: `tier:lapse:silver:${notice.downgradeAt}`,
        memberId: 'lapse',
        from: 'gold',
        to: 'silver',
        reason: 'review',
        spendFen: 0,
        at: notice.downgradeAt,
      },
    ]);
    expect(messages('lapse').map((message) => [message.templateId, message.data])).toEqual([
      [
        'tier-at-risk',
        expect.objectContaining({
          data: {
            thing1: { value: '金卡会员' },
            amount2: { value: '4000元' },
            date3: { value: '2028年03月30日' },
            thing4: expect.anything(),
          },
        }),
      ],
      [
        'tier-change',
        expect.objectContaining({
          data: expect.objectContaining({
            thing1: { value: '金卡会员' },
            thing2: { value: '银卡会员' },
            time3: { value: '2028-03-30 10:30' },
          }),
        }),
      ],
    ]);
  });

  it('keeps a member whose spend holds 80 % of entry, and moves the review to the next anniversary', () => {
    expect(member('keep')).toMatchObject({ tierId: 'silver', tierNotice: null, tierReviewAt: SINCE + 2 * YEAR + 16 * DAY_MS });
    expect(history('keep')).toEqual([]);
    expect(messages('keep')).toEqual([]);
  });

  it('cancels the drop when the spend recovers before it', () => {
    expect(days.get('2028-03-16')?.recover.tierNotice).toMatchObject({ downgradeAt: shanghai(2028, 3, 30, 10, 30) });
    expect(member('recover')).toMatchObject({ tierId: 'gold', tierNotice: null, tierReviewAt: SINCE + 2 * YEAR + 16 * DAY_MS });
    expect(history('recover')).toEqual([]);
    expect(messages('recover').map((message) => message.templateId)).toEqual(['tier-at-risk']);
  });

  it('makes an upgrade the payment missed on the next sweep', () => {
    const asOf = shanghai(2028, 3, 10, 10, 30);
    expect(days.get('2028-03-09')?.missed.tierId).toBe('normal');
    expect(days.get('2028-03-10')?.missed).toMatchObject({ tierId: 'silver', tierSince: asOf, tierReviewAt: asOf + YEAR + 16 * DAY_MS });
    expect(history('missed')).toEqual([
      expect.objectContaining({ from: 'normal', to: 'silver', reason: 'upgrade', spendFen: 120_000, at: asOf }),
    ]);
    expect(messages('missed').map((message) => message.templateId)).toEqual(['tier-change']);
  });

  it('carries a review across the year end: notice on 5 January, diamond to gold on 19 January', () => {
    expect(days.get('2028-01-04')?.winter).toMatchObject({ tierId: 'diamond', tierNotice: null });
    expect(days.get('2028-01-05')?.winter.tierNotice).toEqual({
      reviewAt: WINTER + YEAR,
      noticedAt: shanghai(2028, 1, 5, 10, 30),
      downgradeAt: shanghai(2028, 1, 19, 10, 30),
    });
    expect(days.get('2028-01-18')?.winter.tierId).toBe('diamond');
    expect(days.get('2028-01-19')?.winter).toMatchObject({ tierId: 'gold', tierSince: shanghai(2028, 1, 19, 10, 30) });
    expect(history('winter')).toEqual([expect.objectContaining({ from: 'diamond', to: 'gold', reason: 'review', spendFen: 1_000_000 })]);
  });

  it('refuses a caller that is not its timer', async () => {
    expect(await jobs.cloud.invoke('job-review-tiers', {}, { source: 'wx_client', openid: 'o-lapse' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_TIMER' },
    });
  });

  it('shows the runs to admins, newest first, a page at a time and one job at a time', async () => {
    const admin = (body: Record<string, unknown>) =>
      jobs.cloud.invoke('admin', body) as Promise<{ ok: boolean; data: Record<string, unknown> }>;
    await admin({ action: 'bootstrapAdmin' });
    const { data } = await admin({ action: 'login', username: 'admin', password: 'first-password' });
    const first = await admin({ action: 'listJobRuns', token: data.token, job: 'job-review-tiers', pageSize: 100 });
    const items = first.data.items as JobRunDoc[];
    expect(items).toHaveLength(100);
    expect(items[0]).toMatchObject({ job: 'job-review-tiers', status: 'finished', startedAt: shanghai(2028, 4, 5, 10, 30) });
    expect(items.every((run, i) => i === 0 || (items[i - 1] as JobRunDoc).startedAt >= run.startedAt)).toBe(true);
    const second = await admin({
      action: 'listJobRuns',
      token: data.token,
      job: 'job-review-tiers',
      pageSize: 100,
      cursor: first.data.nextCursor,
    });
    expect(second.data).toMatchObject({ nextCursor: null });
    expect((second.data.items as JobRunDoc[]).length).toBe(13);
    expect(await admin({ action: 'listJobRuns', token: 'not-a-valid-token-at-all', pageSize: 10 })).toMatchObject({ ok: false });
  });

  it('never sends past the quota and records every message', () => {
    const notifications = all(jobs.cloud, 'notifications');
    expect(notifications.map((doc) => [doc.memberId, doc.topic, doc.status]).sort()).toEqual(
      [
        ['lapse', 'tierAtRisk', 'sent'],
        ['lapse', 'tierChange', 'sent'],
        ['missed', 'tierChange', 'sent'],
        ['recover', 'tierAtRisk', 'sent'],
        ['winter', 'tierAtRisk', 'sent'],
        ['winter', 'tierChange', 'sent'],
      ].sort(),
    );
  });
});
