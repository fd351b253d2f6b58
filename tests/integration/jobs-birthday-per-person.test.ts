import { DAY_MS } from '~/core/calendar/durations';
import { GatewayClient } from '../support/gateway';
import { TEST_MEMBER_CODE_SECRET } from '../support/local-cloud';
import type { JobsCloud } from './jobs-support';
import { all, read, shanghai, startJobsCloud, tick } from './jobs-support';

type Envelope<T> = { ok: boolean; data: T; error?: { code: string; message: string } };

/** The birthday coupon is a gift to the person: deleting the account and joining again does not bring a second one that year. */
describe('job-birthday-coupons, once per person across a deleted account', () => {
  let jobs: JobsCloud;

  beforeAll(async () => {
    jobs = await startJobsCloud({ functionEnv: { member: { LM_MEMBER_CODE_SECRET: TEST_MEMBER_CODE_SECRET } } });
  });
  afterAll(() => jobs?.stop());

  const birthdayCoupons = () => all(jobs.cloud, 'coupon_instances').filter((coupon) => coupon.source === 'birthday');

  /** Joins with this client's OPENID and sets the birthday; answers the member id. */
  async function joinWithBirthday(member: GatewayClient, birthday: string): Promise<string> {
    const joined = await member.call<Envelope<{ memberId: string }>>('member', { action: 'join' });
    expect(joined.body.ok).toBe(true);
    expect((await member.call<Envelope<unknown>>('member', { action: 'setBirthday', birthday })).body.ok).toBe(true);
    return joined.body.data.memberId;
  }

  it('gives no second coupon the same year to the same WeChat user as a new member, and gives one the next year', async () => {
    const { cloud } = jobs;
    cloud.setClock(shanghai(2026, 6, 1, 9));
    const member = new GatewayClient(cloud.url);
    await member.login();
    const first = await joinWithBirthday(member, '1990-06-17');

    await tick(cloud, 'job-birthday-coupons', shanghai(2026, 6, 12, 9, 30));
    expect(birthdayCoupons().map((coupon) => coupon.memberId)).toEqual([first]);

    cloud.setClock(shanghai(2026, 6, 12, 12));
    expect((await member.call<Envelope<unknown>>('member', { action: 'deleteAccount', confirm: '注销账号' })).body.ok).toBe(true);
    const second = await joinWithBirthday(member, '1990-06-17');
    expect(second).not.toBe(first);

    for (let at = shanghai(2026, 6, 13, 9, 30); at <= shanghai(2026, 6, 20, 9, 30); at += DAY_MS) {
      await tick(cloud, 'job-birthday-coupons', at);
    }
    expect(birthdayCoupons().map((coupon) => coupon.memberId)).toEqual([first]);
    // The sweep marked the year done for the new account, so it is not read again this year.
    expect(read(cloud, 'members', second)?.birthdayCouponYear).toBe(2026);
    // Nothing that names the person is kept for the deleted account.
    expect(read(cloud, 'members', first)).toMatchObject({ status: 'deleted', birthday: null });

    await tick(cloud, 'job-birthday-coupons', shanghai(2027, 6, 12, 9, 30));
    expect(
      birthdayCoupons()
        .map((coupon) => `${coupon.memberId}:${coupon.validFrom}`)
        .sort(),
    ).toEqual([`${first}:${shanghai(2026, 6, 10, 0)}`, `${second}:${shanghai(2027, 6, 10, 0)}`].sort());
  });
});
