import { DAY_MS, HOUR_MS } from '~/core/calendar/durations';
import type { MemberDoc } from '~/types/documents';
import type { JobRunDoc } from '~/types/jobs';
import type { JobsCloud } from './jobs-support';
import { all, read, seedMember, shanghai, startJobsCloud, subscribe, tick } from './jobs-support';

const dayKey = (at: number) => new Date(at + 8 * HOUR_MS).toISOString().slice(0, 10);

describe('job-comeback-coupons through the built bundle, day by day', () => {
  let jobs: JobsCloud;
  const runs: JobRunDoc[] = [];
  const issuedOn = new Map<string, string>();
  const member = (id: string) => read(jobs.cloud, 'members', id) as MemberDoc;
  const update = (id: string, fields: Partial<MemberDoc>) => jobs.cloud.store.replace('members', { ...member(id), ...fields } as never);

  beforeAll(async () => {
    jobs = await startJobsCloud();
    const { cloud } = jobs;
    const joined = shanghai(2026, 1, 5, 10);
    const consenting = { consent: { marketing: true, updatedAt: joined }, comebackDueAt: joined + 90 * DAY_MS };
    seedMember(cloud, 'away', joined, consenting);
    seedMember(cloud, 'paid', joined, { ...consenting, lastPaidAt: shanghai(2026, 3, 1, 10) });
    seedMember(cloud, 'quiet', joined, { comebackDueAt: joined + 90 * DAY_MS });
    seedMember(cloud, 'back', joined, consenting);
    seedMember(cloud, 'winter', shanghai(2026, 10, 1, 10), {
      consent: { marketing: true, updatedAt: joined },
      comebackDueAt: shanghai(2026, 10, 1, 10) + 90 * DAY_MS,
    });
    seedMember(cloud, 'gone', joined, { ...consenting, status: 'deleted' });
    // Buys in store only: the daily profile finds them active until June.
    seedMember(cloud, 'instore', joined, consenting);
    cloud.store.insert('member_profiles', { _id: 'instore', stage: 'active', lastPurchaseAt: shanghai(2026, 3, 20, 10) });
    for (const id of ['away', 'paid', 'quiet', 'back', 'winter']) subscribe(cloud, id, 1, ['comebackCoupon']);

    for (let at = shanghai(2026, 4, 1, 10, 30); at <= shanghai(2027, 1, 10, 10, 30); at += DAY_MS) {
      const day = dayKey(at);
      // A payment two weeks after the coupon; and a member who consents in June (setConsent puts them in the sweep).
      if (day === '2026-04-20') update('back', { lastPaidAt: shanghai(2026, 4, 20, 12) });
      if (day === '2026-06-18')
        cloud.store.replace('member_profiles', { _id: 'instore', stage: 'dormant', lastPurchaseAt: shanghai(2026, 3, 20, 10) });
      if (day === '2026-06-15') update('quiet', { consent: { marketing: true, updatedAt: at - HOUR_MS }, comebackDueAt: at - HOUR_MS });
      const run = await tick(cloud, 'job-comeback-coupons', at);
      if (run) runs.push(run);
      for (const coupon of all(cloud, 'coupon_instances')) if (!issuedOn.has(coupon._id)) issuedOn.set(coupon._id, day);
    }
  }, 180_000);
  afterAll(() => jobs?.stop());

  it('gives the coupon after 90 days without a paid order, counted from joining or the last payment, then at most once per 180 days', () => {
    expect(Object.fromEntries(issuedOn)).toEqual({
      'comeback:away:2026-04-05': '2026-04-05',
      'comeback:away:2026-10-02': '2026-10-02',
      'comeback:paid:2026-05-30': '2026-05-30',
      'comeback:paid:2026-11-26': '2026-11-26',
      'comeback:quiet:2026-06-15': '2026-06-15',
      'comeback:quiet:2026-12-12': '2026-12-12',
      'comeback:back:2026-04-05': '2026-04-05',
      'comeback:back:2026-10-02': '2026-10-02',
      'comeback:winter:2026-12-30': '2026-12-30',
      'comeback:instore:2026-06-18': '2026-06-18',
      'comeback:instore:2026-12-15': '2026-12-15',
    });
  });

  it('passes over a member whose profile finds them still buying, until 90 days after their last purchase', () => {
    expect(member('instore').comebackIssuedAt).toBe(shanghai(2026, 12, 15, 10, 30));
  });

  it('issues the comeback template, valid 14 days, and keeps the next date on the member', () => {
    expect(read(jobs.cloud, 'coupon_instances', 'comeback:winter:2026-12-30')).toMatchObject({
      templateId: 'comeback',
      source: 'comeback',
      reason: '好久不见，欢迎回来',
      terms: { thresholdFen: 9900, amountFen: 1500 },
      issuedAt: shanghai(2026, 12, 30, 10, 30),
      // Day 1 is the day of issue: 14 days end with 12 January.
      validTo: shanghai(2027, 1, 13, 0) - 1,
    });
    expect(member('winter')).toMatchObject({
      comebackIssuedAt: shanghai(2026, 12, 30, 10, 30),
      comebackDueAt: shanghai(2026, 12, 30, 10, 30) + 180 * DAY_MS,
    });
  });

  it('skips members without marketing consent, and takes deleted members out of the sweep', () => {
    expect(member('gone').comebackDueAt).toBeNull();
    expect([...issuedOn.keys()].some((id) => id.includes(':gone:'))).toBe(false);
  });

  it('tells each member within their one-message quota, and runs one clean sweep a day', async () => {
    const notifications = all(jobs.cloud, 'notifications');
    // One message each: the second coupons of away, back, paid and quiet found no quota left, so nothing was sent or recorded.
    expect(notifications.map((doc) => [doc.memberId, doc.status]).sort()).toEqual(
      ['away', 'back', 'paid', 'quiet', 'winter'].map((id) => [id, 'sent']),
    );
    expect(jobs.cloud.outbox.list(100)).toHaveLength(5);
    expect(runs.every((run) => run.status === 'finished' && run.failed === 0)).toBe(true);
    expect(await tick(jobs.cloud, 'job-comeback-coupons', shanghai(2027, 1, 10, 20))).toBeNull();
  });
});
