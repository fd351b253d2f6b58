import type { AdminRedemptionRow, AdminRewardRow, AdminRewardsResponses } from '~/types/functions/admin-rewards';
import type { RewardView } from '~/types/functions/rewards';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoCouponTemplates } from '../../scripts/seed/demo-catalogue';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { allowAdjustmentsUpTo } from '../support/programme';
import { addStore, docOf, patchDoc } from '../support/shop';
import { allStored } from '../support/stored';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'r'.repeat(40), ADMIN_INITIAL_PASSWORD: 'rewards-owner-password' };

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe('the points mall from the admin page, through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  let owner: string;
  let requests = 0;

  const admin = async <T>(action: string, payload: Record<string, unknown> = {}, token = owner): Promise<Envelope<T>> =>
    (await new GatewayClient(cloud.url).call<Envelope<T>>('admin', { action, token, ...payload })).body;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);
  const requestKey = () => `rewards-test-${(requests += 1)}`;
  const auditOf = (action: string) => allStored(cloud, 'audit_log').filter((entry) => entry.action === action);

  /** A new member with `points` to spend, signed in on their own client. */
  async function memberWith(points: number): Promise<{ client: GatewayClient; memberId: string; memberNo: string }> {
    const client = new GatewayClient(cloud.url);
    await client.login();
    const joined = data((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
    data(await admin('adjustPoints', { memberId: joined.memberId, points, reason: '测试赠送', requestKey: requestKey() }));
    return { client, memberId: joined.memberId, memberNo: docOf(cloud, 'members', joined.memberId).memberNo };
  }

  const reward = (fields: Record<string, unknown> = {}) => ({
    rewardId: 'canvas-tote',
    title: '限量帆布袋',
    description: '门店自提',
    imageUrl: 'https://img.example.com/rewards/tote.png',
    category: '周边',
    kind: 'pickup',
    pointsCost: 300,
    perMemberLimit: 2,
    initialStock: 5,
    ...fields,
  });

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    allowAdjustmentsUpTo(cloud, 100_000);
    addStore(cloud, 'store-a');
    demoCouponTemplates(Date.now()).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
    const page = new GatewayClient(cloud.url);
    await page.call('admin', { action: 'bootstrapAdmin' });
    const login = await page.call<Envelope<{ token: string }>>('admin', {
      action: 'login',
      username: 'admin',
      password: ADMIN_ENV.ADMIN_INITIAL_PASSWORD,
    });
    owner = data(login.body).token;
  }, 60_000);
  afterAll(() => cloud?.stop());

  it('creates a reward off the shelf, puts it on, and the member sees it in the points mall; a retried create changes nothing', async () => {
    const member = await memberWith(1_000);
    const created = data(await admin<AdminRewardsResponses['saveReward']>('saveReward', { mode: 'create', ...reward() }));
    expect(created).toMatchObject({ created: true, reward: { status: 'paused', totalStock: 5, stockRemaining: 5, redeemedCount: 0 } });
    const mallBefore = data((await member.client.call<Envelope<{ items: RewardView[] }>>('rewards', { action: 'list' })).body);
    expect(mallBefore.items.map((item) => item.id)).not.toContain('canvas-tote');

    expect(data(await admin<AdminRewardsResponses['saveReward']>('saveReward', { mode: 'create', ...reward() })).created).toBe(false);
    expect(codeOf(await admin('saveReward', { mode: 'create', ...reward({ title: '另一件礼品' }) }))).toBe('CONFLICT');
    expect(auditOf('saveReward')).toHaveLength(1);

    expect(data(await admin<AdminRewardRow>('setRewardStatus', { rewardId: 'canvas-tote', status: 'active' })).status).toBe('active');
    const mall = data((await member.client.call<Envelope<{ items: RewardView[] }>>('rewards', { action: 'list' })).body);
    expect(mall.items.find((item) => item.id === 'canvas-tote')).toMatchObject({
      title: '限量帆布袋',
      imageUrl: 'https://img.example.com/rewards/tote.png',
      pointsCost: 300,
      stockRemaining: 5,
      blockedReason: null,
    });

    const edited = data(
      await admin<AdminRewardsResponses['saveReward']>('saveReward', { mode: 'update', ...reward({ pointsCost: 350, initialStock: 99 }) }),
    );
    expect(edited.reward).toMatchObject({ pointsCost: 350, totalStock: 5, status: 'active' });
    const [entry] = auditOf('saveReward').filter((audit) => audit.before !== null);
    expect(entry).toMatchObject({ before: { pointsCost: 300 }, after: { pointsCost: 350 }, target: { type: 'reward', id: 'canvas-tote' } });
  });

  it('refuses bad rewards with Chinese messages and stores nothing', async () => {
    const before = allStored(cloud, 'rewards').length;
    const refusals = [
      reward({ rewardId: 'bad-coupon', kind: 'coupon' }),
      reward({ rewardId: 'bad-cash', kind: 'pointsCash', cashFen: 0 }),
      reward({ rewardId: 'bad-window', availableFrom: 2_000, availableTo: 1_000 }),
      reward({ rewardId: 'bad-tier', minTierId: 'platinum' }),
      reward({ rewardId: 'bad-template', kind: 'coupon', couponTemplateId: 'no-such-template' }),
      reward({ rewardId: 'Bad Id' }),
      reward({ rewardId: 'bad-points', pointsCost: 0 }),
    ];
    for (const payload of refusals) {
      const answer = await admin('saveReward', { mode: 'create', ...payload });
      expect(answer.ok).toBe(false);
      if (!answer.ok)
        expect({ id: payload.rewardId, code: answer.error.code, chinese: /[\u4e00-\u9fff]/.test(answer.error.message) }).toEqual({
          id: payload.rewardId,
          code: 'VALIDATION_FAILED',
          chinese: true,
        });
    }
    expect(allStored(cloud, 'rewards')).toHaveLength(before);
  });

  it('never oversells when members redeem while the admin cuts the stock, and applies each stock change once', async () => {
    data(
      await admin('saveReward', {
        mode: 'create',
        ...reward({ rewardId: 'race-mug', title: '马克杯', initialStock: 6, perMemberLimit: 1 }),
      }),
    );
    data(await admin('setRewardStatus', { rewardId: 'race-mug', status: 'active' }));
    const members = await Promise.all(Array.from({ length: 8 }, () => memberWith(1_000)));
    const cutKey = requestKey();
    const [redeemed, cut, cutAgain] = await Promise.all([
      Promise.all(
        members.map(
          async (member, i) =>
            (
              await member.client.call<Envelope<{ status: string }>>('rewards', {
                action: 'redeem',
                rewardId: 'race-mug',
                clientKey: `race-tap-${i}-key`,
              })
            ).body,
        ),
      ),
      admin<AdminRewardsResponses['changeRewardStock']>('changeRewardStock', { rewardId: 'race-mug', delta: -3, requestKey: cutKey }),
      admin<AdminRewardsResponses['changeRewardStock']>('changeRewardStock', { rewardId: 'race-mug', delta: -3, requestKey: cutKey }),
    ]);
    const succeeded = redeemed.filter((answer) => answer.ok).length;
    const stored = docOf(cloud, 'rewards', 'race-mug');
    const cuts = [cut, cutAgain].filter((answer) => answer.ok && answer.data.applied).length;
    // The cut applies at most once (same request key); if it could not (fewer than 3 left), it changed nothing.
    expect(cuts).toBeLessThanOrEqual(1);
    expect(stored.totalStock).toBe(6 - 3 * cuts);
    expect(stored.stockRemaining).toBeGreaterThanOrEqual(0);
    expect(succeeded).toBe(stored.totalStock - stored.stockRemaining);
    expect(succeeded).toBeLessThanOrEqual(6);
    const awaiting = allStored(cloud, 'redemptions').filter((r) => r.rewardId === 'race-mug' && r.status === 'awaitingPickup');
    expect(awaiting).toHaveLength(succeeded);
    expect(auditOf('changeRewardStock')).toHaveLength(cuts);

    // A cut larger than what remains is refused and changes nothing.
    const remaining = stored.stockRemaining;
    expect(codeOf(await admin('changeRewardStock', { rewardId: 'race-mug', delta: -(remaining + 1), requestKey: requestKey() }))).toBe(
      'OUT_OF_STOCK',
    );
    const added = data(
      await admin<AdminRewardsResponses['changeRewardStock']>('changeRewardStock', {
        rewardId: 'race-mug',
        delta: 10,
        requestKey: requestKey(),
      }),
    );
    expect(added.reward).toMatchObject({ stockRemaining: remaining + 10, totalStock: stored.totalStock + 10, redeemedCount: succeeded });

    // Ended is for good: the reward cannot go back on the shelf, and its pickups stay collectable.
    expect(data(await admin<AdminRewardRow>('setRewardStatus', { rewardId: 'race-mug', status: 'ended' })).status).toBe('ended');
    expect(codeOf(await admin('setRewardStatus', { rewardId: 'race-mug', status: 'active' }))).toBe('INVALID_STATE');
    expect(allStored(cloud, 'redemptions').filter((r) => r.rewardId === 'race-mug' && r.status === 'awaitingPickup')).toHaveLength(
      succeeded,
    );
  });

  it('lists redemptions newest first with filters, a total and keyset pages, masking phones for roles without the right', async () => {
    const member = await memberWith(5_000);
    patchDoc(cloud, 'members', member.memberId, { phone: '13800138000' });
    const taps = ['list-tap-1-key', 'list-tap-2-key'];
    for (const clientKey of taps)
      data((await member.client.call<Envelope<unknown>>('rewards', { action: 'redeem', rewardId: 'canvas-tote', clientKey })).body);
    const mine = data(await admin<AdminRewardsResponses['listRedemptions']>('listRedemptions', { member: member.memberNo }));
    expect(mine.total).toBe(2);
    expect(mine.items.map((row) => row.status)).toEqual(['awaitingPickup', 'awaitingPickup']);
    expect(mine.items[0]).toMatchObject({
      member: { memberNo: member.memberNo, phone: '13800138000' },
      hasPickupCode: true,
      cancellable: true,
    });
    expect(mine.items[0]).not.toHaveProperty('pickupCode');
    expect(data(await admin<AdminRewardsResponses['listRedemptions']>('listRedemptions', { member: '13800138000' })).total).toBe(2);

    const all = allStored(cloud, 'redemptions');
    const pages: AdminRedemptionRow[] = [];
    let cursor: string | null = null;
    do {
      const page: AdminRewardsResponses['listRedemptions'] = data(
        await admin('listRedemptions', { pageSize: 3, ...(cursor ? { cursor } : {}) }),
      );
      expect(page.total).toBe(all.length);
      pages.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages.map((row) => row._id).sort()).toEqual(all.map((row) => row._id).sort());
    expect(pages.map((row) => row.createdAt)).toEqual([...pages.map((row) => row.createdAt)].sort((a, b) => b - a));

    const mugs = data(
      await admin<AdminRewardsResponses['listRedemptions']>('listRedemptions', { rewardId: 'race-mug', status: 'awaitingPickup' }),
    );
    expect(mugs.total).toBe(all.filter((r) => r.rewardId === 'race-mug' && r.status === 'awaitingPickup').length);
    expect(
      data(await admin<AdminRewardsResponses['listRedemptions']>('listRedemptions', { createdFrom: '2000-01-01', createdTo: '2000-01-02' }))
        .total,
    ).toBe(0);
    expect(codeOf(await admin('listRedemptions', { createdFrom: '2026-02-02', createdTo: '2026-02-01' }))).toBe('VALIDATION_FAILED');

    const created = data(await admin<{ oneTimePassword: string }>('createAdmin', { username: 'rewards-operator', role: 'operator' }));
    const page = new GatewayClient(cloud.url);
    const first = (
      await page.call<Envelope<{ token: string }>>('admin', {
        action: 'login',
        username: 'rewards-operator',
        password: created.oneTimePassword,
      })
    ).body;
    const oneTime = data(first).token;
    data(await admin('changePassword', { oldPassword: created.oneTimePassword, newPassword: 'rewards-operator-password' }, oneTime));
    const operator = data(
      (
        await page.call<Envelope<{ token: string }>>('admin', {
          action: 'login',
          username: 'rewards-operator',
          password: 'rewards-operator-password',
        })
      ).body,
    ).token;
    const masked = data(await admin<AdminRewardsResponses['listRedemptions']>('listRedemptions', { member: member.memberNo }, operator));
    expect(masked.items[0]?.member?.phone).toBe('138****8000');
  });

  it('hands over a pickup at a store on its code, once, and cancels another with the points returned', async () => {
    const member = await memberWith(1_000);
    const first = data(
      (
        await member.client.call<Envelope<{ id: string; pickupCode: string }>>('rewards', {
          action: 'redeem',
          rewardId: 'canvas-tote',
          clientKey: 'hand-tap-1-key',
        })
      ).body,
    );
    const second = data(
      (
        await member.client.call<Envelope<{ id: string; pickupCode: string }>>('rewards', {
          action: 'redeem',
          rewardId: 'canvas-tote',
          clientKey: 'hand-tap-2-key',
        })
      ).body,
    );
    const available = () => docOf(cloud, 'members', member.memberId).points.available;
    expect(available()).toBe(1_000 - 700);

    expect(codeOf(await admin('handOverRedemption', { redemptionId: second.id, pickupCode: first.pickupCode, storeId: 'store-a' }))).toBe(
      'NOT_FOUND',
    );
    const handed = data(
      await admin<AdminRedemptionRow>('handOverRedemption', { redemptionId: first.id, pickupCode: first.pickupCode, storeId: 'store-a' }),
    );
    expect(handed).toMatchObject({ status: 'fulfilled', fulfilledStoreId: 'store-a', fulfilledStoreName: '测试门店', cancellable: false });
    expect(codeOf(await admin('handOverRedemption', { pickupCode: first.pickupCode, storeId: 'store-a' }))).toBe('ALREADY_HANDED_OVER');
    expect(auditOf('handOverRedemption')).toHaveLength(1);
    expect(codeOf(await admin('cancelRedemption', { redemptionId: first.id, reason: '会员要求取消' }))).toBe('INVALID_STATE');

    const cancelled = data(await admin<AdminRedemptionRow>('cancelRedemption', { redemptionId: second.id, reason: '会员无法到店' }));
    expect(cancelled.status).toBe('cancelled');
    expect(available()).toBe(1_000 - 350);
    expect(data(await admin<AdminRedemptionRow>('cancelRedemption', { redemptionId: second.id, reason: '会员无法到店' })).status).toBe(
      'cancelled',
    );
    expect(available()).toBe(1_000 - 350);
    expect(auditOf('cancelRedemption').filter((entry) => entry.target.id === second.id)).toHaveLength(1);
  });
});
