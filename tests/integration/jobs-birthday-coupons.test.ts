import { DAY_MS, HOUR_MS } from '~/core/calendar/durations';
import type { MemberDoc } from '~/types/documents';
import type { JobRunDoc } from '~/types/jobs';
import type { JobsCloud } from './jobs-support';
import { all, read, seedMember, shanghai, startJobsCloud, subscribe, tick } from './jobs-support';

const dayKey = (at: number) => new Date(at + 8 * HOUR_MS).toISOString().slice(0, 10);
/** The first millisecond of a Shanghai day, and the last. */
const startOf = (year: number, month: number, day: number) => shanghai(year, month, day, 0);
const endOf = (year: number, month: number, day: number) => shanghai(year, month, day, 0) + DAY_MS - 1;

describe('job-birthday-coupons through the built bundle, day by day', () => {
  let jobs: JobsCloud;
  const runs: JobRunDoc[] = [];
  /** The day each coupon first appeared. */
  const issuedOn = new Map<string, string>();

  const coupons = () => all(jobs.cloud, 'coupon_instances');
  async function daily(from: number, to: number, before?: (at: number) => void) {
    for (let at = from; at <= to; at += DAY_MS) {
      before?.(at);
      const run = await tick(jobs.cloud, 'job-birthday-coupons', at);
      if (run) runs.push(run);
      for (const coupon of coupons()) if (!issuedOn.has(coupon._id)) issuedOn.set(coupon._id, dayKey(at));
    }
  }

  beforeAll(async () => {
    jobs = await startJobsCloud();
    const { cloud } = jobs;
    const joined = shanghai(2025, 1, 1);
    const withBirthday = (birthday: string) => ({
      birthday,
      birthdayMonthDay: Number(birthday.slice(5, 7)) * 100 + Number(birthday.slice(8, 10)),
    });
    seedMember(cloud, 'june', joined, withBirthday('1990-06-17'));
    seedMember(cloud, 'gold', joined, { ...withBirthday('1985-06-12'), tierId: 'gold' });
    seedMember(cloud, 'late', joined);
    seedMember(cloud, 'none', joined);
    seedMember(cloud, 'newyear', joined, withBirthday('1995-01-03'));
    seedMember(cloud, 'leap', joined, withBirthday('2000-02-29'));
    seedMember(cloud, 'gone', joined, { ...withBirthday('1991-06-15'), status: 'deleted' });
    for (const id of ['june', 'gold', 'newyear']) subscribe(cloud, id, 1);

    await daily(shanghai(2026, 6, 1, 9, 30), shanghai(2026, 7, 15, 9, 30), (at) => {
      // The member sets a birthday three days before it, after the sweeps that would have issued from 7 days before.
      if (dayKey(at) === '2026-06-18')
        cloud.store.replace('members', {
          ...(read(cloud, 'members', 'late') as MemberDoc),
          ...withBirthday('2000-06-21'),
        } as never);
    });
    await daily(shanghai(2026, 12, 20, 9, 30), shanghai(2027, 3, 5, 9, 30));
    await daily(shanghai(2027, 6, 1, 9, 30), shanghai(2027, 6, 20, 9, 30));
    await daily(shanghai(2028, 2, 15, 9, 30), shanghai(2028, 3, 5, 9, 30));
  }, 180_000);
  afterAll(() => jobs?.stop());

  it('issues from 7 days before the birthday, valid from then to 23 days after', () => {
    expect(issuedOn.get('birthday:june:2026')).toBe('2026-06-10');
    expect(read(jobs.cloud, 'coupon_instances', 'birthday:june:2026')).toMatchObject({
      memberId: 'june',
      templateId: 'birthday-normal',
      source: 'birthday',
      // The wallet says why the member got it.
      reason: '生日快乐，这是你的生日礼',
      terms: { amountFen: 1000 },
      validFrom: startOf(2026, 6, 10),
      validTo: endOf(2026, 7, 10),
    });
  });

  it('gives the coupon of the member’s tier', () => {
    expect(issuedOn.get('birthday:gold:2026')).toBe('2026-06-05');
    expect(read(jobs.cloud, 'coupon_instances', 'birthday:gold:2026')).toMatchObject({
      templateId: 'birthday-gold',
      terms: { amountFen: 5000 },
    });
  });

  it('still gives it to a member who sets the birthday within the 7 days', () => {
    expect(issuedOn.get('birthday:late:2026')).toBe('2026-06-18');
  });

  it('issues once per member per year, again the next year, and never to members without a birthday or gone', () => {
    expect(
      coupons()
        .map((coupon) => coupon._id)
        .sort(),
    ).toEqual(
      [
        'birthday:gold:2026',
        'birthday:gold:2027',
        'birthday:june:2026',
        'birthday:june:2027',
        'birthday:late:2026',
        'birthday:late:2027',
        'birthday:leap:2027',
        'birthday:leap:2028',
        'birthday:newyear:2027',
      ].sort(),
    );
    expect(read(jobs.cloud, 'members', 'june')?.birthdayCouponYear).toBe(2027);
    expect(read(jobs.cloud, 'members', 'gone')?.birthdayMonthDay).toBeNull();
  });

  it('issues a January birthday in the last days of December, as that year’s coupon', () => {
    expect(issuedOn.get('birthday:newyear:2027')).toBe('2026-12-27');
    expect(read(jobs.cloud, 'coupon_instances', 'birthday:newyear:2027')).toMatchObject({
      validFrom: startOf(2026, 12, 27),
      validTo: endOf(2027, 1, 26),
    });
  });

  it('puts a 29 February birthday on 28 February in 2027 and on 29 February in 2028', () => {
    expect(issuedOn.get('birthday:leap:2027')).toBe('2027-02-21');
    expect(read(jobs.cloud, 'coupon_instances', 'birthday:leap:2027')).toMatchObject({
      validFrom: startOf(2027, 2, 21),
      validTo: endOf(2027, 3, 23),
    });
    expect(issuedOn.get('birthday:leap:2028')).toBe('2028-02-22');
    expect(read(jobs.cloud, 'coupon_instances', 'birthday:leap:2028')).toMatchObject({
      validFrom: startOf(2028, 2, 22),
      validTo: endOf(2028, 3, 23),
    });
  });

  it('tells subscribed members once, within their quota, and runs one clean sweep a day', async () => {
    const sent = jobs.cloud.outbox
      .list(100)
      .map((message) => [message.touser, (message.data as { data: { thing1: { value: string } } }).data.thing1.value]);
    expect(sent.sort()).toEqual([
      ['o-gold', '金卡会员生日礼券'],
      ['o-june', '普通会员生日礼券'],
      ['o-newyear', '普通会员生日礼券'],
    ]);
    expect(runs.every((run) => run.status === 'finished' && run.failed === 0)).toBe(true);
    expect(await tick(jobs.cloud, 'job-birthday-coupons', shanghai(2028, 3, 5, 20))).toBeNull();
  });
});
