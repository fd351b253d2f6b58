import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoCouponTemplates, demoRewards } from '../../scripts/seed/demo-catalogue';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { allowAdjustmentsUpTo } from '../support/programme';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'j'.repeat(40), ADMIN_INITIAL_PASSWORD: 'journey-password' };
type Envelope<T = Record<string, unknown>> = { ok: boolean; data: T; error?: { code: string; message: string } };

/** A member's loyalty journey through the gateway and the built bundles, and bad input on every action. */
describe('loyalty functions end to end', () => {
  let cloud: LocalCloud;
  let admin: GatewayClient;
  let token: string;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    allowAdjustmentsUpTo(cloud, 3_000);
    admin = new GatewayClient(cloud.url);
    await admin.call('admin', { action: 'bootstrapAdmin' });
    token = (
      await admin.call<Envelope<{ token: string }>>('admin', {
        action: 'login',
        username: 'admin',
        password: ADMIN_ENV.ADMIN_INITIAL_PASSWORD,
      })
    ).body.data.token;
    const now = Date.now();
    cloud.store.atomically(() => {
      demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
      demoRewards(now).forEach((doc) => cloud.store.insert('rewards', { ...doc }));
    });
  });

  afterAll(() => cloud?.stop());

  const counts = () => Object.fromEntries(cloud.store.collections().map((name) => [name, cloud.store.count(name)]));

  it('joins with a welcome coupon, checks in, earns from admin, redeems, cancels, and claims a coupon', async () => {
    const member = new GatewayClient(cloud.url);
    await member.login();
    const joined = await member.call<Envelope<{ memberId: string; created: boolean }>>('member', { action: 'join' });
    expect(joined.body).toMatchObject({ ok: true, data: { created: true } });
    const memberId = joined.body.data.memberId;

    const wallet = await member.call<Envelope<{ items: { templateId: string }[] }>>('coupons', { action: 'listMine', status: 'usable' });
    expect(wallet.body.data.items.map((c) => c.templateId)).toEqual(['welcome']);

    const checkIn = await member.call<Envelope<{ points: number; streak: number }>>('points', { action: 'checkIn' });
    expect(checkIn.body.data).toMatchObject({ points: 5, streak: 1 });
    expect((await member.call('points', { action: 'checkIn' })).body).toEqual(checkIn.body);

    const adjusted = await admin.call<Envelope<{ available: number }>>('admin', {
      action: 'adjustPoints',
      token,
      memberId,
      points: 3000,
      reason: '活动奖励',
      requestKey: 'journey-adjust-1',
    });
    expect(adjusted.body.data.available).toBe(3005);

    const mall = await member.call<Envelope<{ items: { id: string; blockedReason: string | null }[] }>>('rewards', { action: 'list' });
    expect(mall.body.data.items.find((r) => r.id === 'reward-gift-box')?.blockedReason).toMatch(/等级不足/);
    const redeemed = await member.call<Envelope<{ id: string; status: string; pickupCode: string }>>('rewards', {
      action: 'redeem',
      rewardId: 'reward-tote',
      clientKey: 'journey-tap-1',
    });
    expect(redeemed.body.data).toMatchObject({ status: 'awaitingPickup', pickupCode: expect.stringMatching(/^\d{8}$/) });
    const coupon = await member.call<Envelope<{ status: string; couponInstanceId: string }>>('rewards', {
      action: 'redeem',
      rewardId: 'reward-coupon-20',
      clientKey: 'journey-tap-2',
    });
    expect(coupon.body.data.status).toBe('issued');
    expect((await member.call<Envelope>('points', { action: 'summary' })).body.data).toMatchObject({ available: 3005 - 800 - 2000 });

    const cancelled = await member.call<Envelope<{ status: string }>>('rewards', { action: 'cancel', redemptionId: redeemed.body.data.id });
    expect(cancelled.body.data.status).toBe('cancelled');
    expect((await member.call<Envelope>('points', { action: 'summary' })).body.data).toMatchObject({ available: 3005 - 2000 });

    const claimed = await member.call<Envelope>('coupons', { action: 'claim', templateId: 'centre-99-15', clientKey: 'journey-claim-1' });
    expect(claimed.body.ok).toBe(true);
    const history = await member.call<Envelope<{ items: { reason: string }[] }>>('points', { action: 'history', pageSize: 10 });
    expect(history.body.data.items.map((i) => i.reason)).toEqual([
      '取消兑换退回积分：品牌帆布袋',
      '兑换礼品：¥20无门槛券',
      '兑换礼品：品牌帆布袋',
      '积分调整：活动奖励',
      '每日签到',
    ]);

    const books = await admin.call<Envelope<{ problems: unknown[] }>>('admin', { action: 'reconcile', token });
    expect(books.body.data.problems).toEqual([]);
  });

  it('sets the birthday once and pays the profile bonus once', async () => {
    const member = new GatewayClient(cloud.url);
    await member.login();
    await member.call('member', { action: 'join' });
    const first = await member.call<Envelope<{ bonusPoints: number }>>('member', { action: 'setBirthday', birthday: '2000-02-29' });
    expect(first.body).toMatchObject({ ok: true, data: { birthday: '2000-02-29', birthdayEditable: false, bonusPoints: 0 } });
    expect((await member.call('member', { action: 'setBirthday', birthday: '2000-03-01' })).body).toMatchObject({
      ok: false,
      error: { code: 'BIRTHDAY_LOCKED' },
    });
    const memberId = (first.body.data as unknown as { memberId: string }).memberId;
    expect((await admin.call('admin', { action: 'setMemberBirthday', token, memberId, birthday: '2000-03-01' })).body).toMatchObject({
      ok: true,
    });
    expect((await member.call('member', { action: 'getProfile' })).body).toMatchObject({ data: { birthday: '2000-03-01' } });
    const complete = await member.call<Envelope<{ bonusPoints: number }>>('member', {
      action: 'updateProfile',
      nickname: '小满',
      avatarUrl: 'https://img.example.com/a.png',
      gender: 'female',
    });
    expect(complete.body.data.bonusPoints).toBe(50);
    const again = await member.call<Envelope<{ bonusPoints: number }>>('member', { action: 'updateProfile', nickname: '小满满' });
    expect(again.body.data.bonusPoints).toBe(0);
    const progress = await member.call<Envelope<{ current: { id: string }; toNextFen: number }>>('member', { action: 'tierProgress' });
    expect(progress.body.data).toMatchObject({ current: { id: 'normal' }, toNextFen: 100_000 });
    expect((await member.call('member', { action: 'deleteAccount', confirm: '注销账号' })).body).toMatchObject({ ok: true });
    expect((await member.call('member', { action: 'getProfile' })).body).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });

    // Joining again after deleting the account makes a new member, without the one-time gifts again.
    const again2 = await member.call<Envelope<{ memberId: string; created: boolean }>>('member', { action: 'join' });
    expect(again2.body.data).toMatchObject({ created: true });
    expect(again2.body.data.memberId).not.toBe(memberId);
    const wallet = await member.call<Envelope<{ items: unknown[] }>>('coupons', { action: 'listMine', status: 'usable' });
    expect(wallet.body.data.items).toEqual([]);
    await member.call('member', { action: 'setBirthday', birthday: '2000-02-29' });
    const redo = await member.call<Envelope<{ bonusPoints: number }>>('member', {
      action: 'updateProfile',
      nickname: '小满',
      avatarUrl: 'https://img.example.com/a.png',
      gender: 'female',
    });
    expect(redo.body).toMatchObject({ ok: true, data: { bonusPoints: 0 } });
  });

  it('runs the points jobs on their timers only', async () => {
    expect(await cloud.runTimer('job-release-points')).toMatchObject({ ok: true, data: { job: 'job-release-points', status: 'finished' } });
    expect(await cloud.runTimer('job-expire-points')).toMatchObject({ ok: true, data: { status: 'finished' } });
    expect(await cloud.invoke('job-expire-points', { Type: 'Timer' }, { source: 'wx_client', openid: 'o-someone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_TIMER' },
    });
  });

  it('rejects malformed input on every member, points, rewards and admin action, writing nothing', async () => {
    const member = new GatewayClient(cloud.url);
    await member.login();
    await member.call('member', { action: 'join' });
    const other = new GatewayClient(cloud.url);
    await other.login();
    await other.call('member', { action: 'join' });
    const otherRedemption = (
      await (async () => {
        const otherId = (await other.call<Envelope<{ memberId: string }>>('member', { action: 'getProfile' })).body.data.memberId;
        await admin.call('admin', {
          action: 'adjustPoints',
          token,
          memberId: otherId,
          points: 1000,
          reason: '测试',
          requestKey: 'other-seed-1',
        });
        return other.call<Envelope<{ id: string }>>('rewards', { action: 'redeem', rewardId: 'reward-tote', clientKey: 'other-tap-1' });
      })()
    ).body.data.id;
    const before = counts();
    const cases: [string, unknown, string][] = [
      ['member', { action: 'updateProfile' }, 'VALIDATION_FAILED'],
      ['member', { action: 'updateProfile', gender: 'other' }, 'VALIDATION_FAILED'],
      ['member', { action: 'updateProfile', phone: '12345' }, 'VALIDATION_FAILED'],
      ['member', { action: 'updateProfile', nickname: 42 }, 'VALIDATION_FAILED'],
      ['member', { action: 'setBirthday', birthday: '2001-02-29' }, 'VALIDATION_FAILED'],
      ['member', { action: 'setBirthday', birthday: '1800-01-01' }, 'VALIDATION_FAILED'],
      ['member', { action: 'setBirthday' }, 'VALIDATION_FAILED'],
      ['member', { action: 'setConsent', marketing: 'yes' }, 'VALIDATION_FAILED'],
      ['member', { action: 'deleteAccount' }, 'VALIDATION_FAILED'],
      ['member', { action: 'deleteAccount', confirm: 'yes' }, 'VALIDATION_FAILED'],
      ['member', { action: 'tierProgress', memberId: 'someone' }, 'VALIDATION_FAILED'],
      ['points', { action: 'summary', memberId: 'someone' }, 'VALIDATION_FAILED'],
      ['points', { action: 'history', pageSize: -1 }, 'VALIDATION_FAILED'],
      ['points', { action: 'history', pageSize: 1e9 }, 'VALIDATION_FAILED'],
      ['points', { action: 'history', cursor: 'not-a-cursor' }, 'VALIDATION_FAILED'],
      ['points', { action: 'checkIn', points: 1000 }, 'VALIDATION_FAILED'],
      ['points', { action: 'checkInCalendar', month: '2026-13' }, 'VALIDATION_FAILED'],
      ['points', { action: 'spend', points: 1 }, 'UNKNOWN_ACTION'],
      ['rewards', { action: 'list', category: 7 }, 'VALIDATION_FAILED'],
      ['rewards', { action: 'redeem', rewardId: 'reward-tote' }, 'VALIDATION_FAILED'],
      ['rewards', { action: 'redeem', rewardId: 'reward-tote', clientKey: 'short' }, 'VALIDATION_FAILED'],
      ['rewards', { action: 'redeem', rewardId: 'nope', clientKey: 'valid-key-123' }, 'NOT_FOUND'],
      ['rewards', { action: 'redeem', rewardId: 'reward-gift-box', clientKey: 'valid-key-124' }, 'NOT_ELIGIBLE'],
      ['rewards', { action: 'redeem', rewardId: 'reward-mug', clientKey: 'valid-key-125', pointsCost: 0 }, 'VALIDATION_FAILED'],
      ['rewards', { action: 'myRedemptions', pageSize: 0 }, 'VALIDATION_FAILED'],
      ['rewards', { action: 'cancel', redemptionId: otherRedemption }, 'NOT_FOUND'],
      ['rewards', { action: 'cancel' }, 'VALIDATION_FAILED'],
      [
        'admin',
        { action: 'adjustPoints', token, memberId: 'm1', points: 0, reason: '测试', requestKey: 'k-123456789' },
        'VALIDATION_FAILED',
      ],
      [
        'admin',
        { action: 'adjustPoints', token, memberId: 'm1', points: 1.5, reason: '测试', requestKey: 'k-123456789' },
        'VALIDATION_FAILED',
      ],
      [
        'admin',
        { action: 'adjustPoints', token, memberId: 'm1', points: 1e12, reason: '测试', requestKey: 'k-123456789' },
        'VALIDATION_FAILED',
      ],
      ['admin', { action: 'adjustPoints', memberId: 'm1', points: 1, reason: '测试', requestKey: 'k-123456789' }, 'VALIDATION_FAILED'],
      [
        'admin',
        { action: 'adjustPoints', token: 'x'.repeat(40), memberId: 'm1', points: 1, reason: '测试', requestKey: 'k-123456789' },
        'UNAUTHENTICATED',
      ],
      ['admin', { action: 'reconcile', token, memberId: '../../etc' }, 'VALIDATION_FAILED'],
      ['admin', { action: 'setMemberBirthday', token, memberId: 'nobody', birthday: '2000-01-01' }, 'NOT_FOUND'],
      ['admin', { action: 'setMemberBirthday', token, memberId: 'nobody', birthday: '2000-13-01' }, 'VALIDATION_FAILED'],
      ['admin', { action: 'createCouponTemplate', token, title: '', terms: { kind: 'cash' } }, 'VALIDATION_FAILED'],
      ['admin', { action: 'voidCoupon', token, instanceId: 'x', reason: '' }, 'VALIDATION_FAILED'],
      ['admin', { action: 'setCouponTemplateStatus', token, templateId: 'welcome', status: 'deleted' }, 'VALIDATION_FAILED'],
      ['admin', { action: 'setCouponTemplateStatus', token, templateId: 'no-such-template', status: 'paused' }, 'NOT_FOUND'],
      [
        'admin',
        { action: 'issueCampaignCoupons', token, templateId: 'welcome', campaignId: 'Bad Id', memberIds: ['m1'] },
        'VALIDATION_FAILED',
      ],
      ['admin', { action: 'issueCampaignCoupons', token, templateId: 'welcome', campaignId: 'spring', memberIds: [] }, 'VALIDATION_FAILED'],
      ['admin', { action: 'listMembers', token, pageSize: 1000 }, 'VALIDATION_FAILED'],
    ];
    for (const [fn, body, code] of cases) {
      const client = fn === 'admin' ? admin : member;
      const { body: answer } = await client.call<Envelope>(fn, body);
      expect({ fn, body, answer: answer.error?.code }).toEqual({ fn, body, answer: code });
    }
    expect(counts()).toEqual(before);
  });
});
