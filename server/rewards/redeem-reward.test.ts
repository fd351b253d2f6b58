import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { newReward } from '~/core/rewards/new-reward';
import type { RedemptionDoc, RewardDoc } from '~/types/rewards';
import { adjustPoints } from '../points/adjust-points';
import { reconcileAll } from '../points/reconcile';
import type { RequestContext } from '../runtime/wx';
import { cancelRedemption } from './cancel-redemption';
import { redeemReward } from './redeem-reward';
import { stored } from '../../tests/support/stored';
import type { CollectionName } from '~/types/collections';

const NOW = Date.UTC(2026, 10, 22, 2);

const reward = (id: string, fields: Partial<RewardDoc> = {}): RewardDoc =>
  newReward({ _id: id, title: '品牌帆布袋', description: '门店自提', category: '周边', pointsCost: 500, totalStock: 10, ...fields }, NOW);

describe('redeemReward through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const doc = <N extends CollectionName>(collection: N, id: string) => stored(cloud, collection, id);
  const richMember = async (id: string, points = 1000) => {
    addMember(cloud, id, NOW);
    await adjustPoints(ctx(NOW), { memberId: id, key: `seed:${id}`, points, reason: '活动奖励', adminId: 'admin' });
    return doc('members', id);
  };

  it('100 members redeeming a reward with 10 in stock at once: exactly 10 redemptions and 10 × cost points spent', async () => {
    cloud.store.insert('rewards', { ...reward('bag') });
    const members = await Promise.all(Array.from({ length: 100 }, (_, i) => richMember(`crowd${i}`)));
    const results = await Promise.allSettled(members.map((m) => redeemReward(ctx(NOW), m, { rewardId: 'bag', clientKey: `tap-${m._id}` })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(10);
    expect(results.filter((r) => r.status === 'rejected').every((r) => /已兑完/.test(String((r as PromiseRejectedResult).reason)))).toBe(
      true,
    );
    expect(doc('rewards', 'bag').stockRemaining).toBe(0);
    const spent = members.reduce((sum, m) => sum + (1000 - doc('members', m._id).points.available), 0);
    expect(spent).toBe(10 * 500);
    const codes = won.map((r) => (r as PromiseFulfilledResult<RedemptionDoc>).value.pickupCode);
    expect(new Set(codes).size).toBe(10);
    expect((await reconcileAll(ctx(NOW))).problems).toEqual([]);
  });

  it('a retried or duplicated request answers the first redemption and spends once', async () => {
    cloud.store.insert('rewards', { ...reward('mug', { perMemberLimit: 5 }) });
    const member = await richMember('retrier');
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => redeemReward(ctx(NOW), member, { rewardId: 'mug', clientKey: 'same-key-1' })));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(doc('members', 'retrier').points.available).toBe(500);
    expect(doc('rewards', 'mug').stockRemaining).toBe(9);
  });

  it('enforces the per-member limit, refuses without enough points, and writes nothing when refused up front', async () => {
    cloud.store.insert('rewards', { ...reward('pin', { pointsCost: 100, perMemberLimit: 2 }) });
    const member = await richMember('collector');
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => redeemReward(ctx(NOW), member, { rewardId: 'pin', clientKey: `pin-try-${i}` })),
    );
    expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(doc('rewards', 'pin').stockRemaining).toBe(8);
    const poor = await richMember('poor', 50);
    const before = cloud.store.count('redemptions');
    await expect(redeemReward(ctx(NOW), poor, { rewardId: 'pin', clientKey: 'poor-try' })).rejects.toThrow(/积分不足/);
    expect(cloud.store.count('redemptions')).toBe(before);
  });

  it('cancelling an uncollected pickup gives the points, stock and quota back, once', async () => {
    cloud.store.insert('rewards', { ...reward('cap', { perMemberLimit: 1 }) });
    const member = await richMember('canceller');
    const redemption = await redeemReward(ctx(NOW), member, { rewardId: 'cap', clientKey: 'cap-key-1' });
    expect(redemption.status).toBe('awaitingPickup');
    await Promise.all([1, 2].map(() => cancelRedemption(ctx(NOW), 'canceller', redemption._id)));
    expect(doc('members', 'canceller').points.available).toBe(1000);
    expect(doc('rewards', 'cap').stockRemaining).toBe(10);
    await expect(cancelRedemption(ctx(NOW), 'someone-else', redemption._id)).rejects.toThrow(/不存在/);
    // The quota came back too: the member may redeem it again.
    const again = await redeemReward(ctx(NOW), doc('members', 'canceller'), { rewardId: 'cap', clientKey: 'cap-key-2' });
    expect(again.status).toBe('awaitingPickup');
    expect((await reconcileAll(ctx(NOW))).problems).toEqual([]);
  });
});
