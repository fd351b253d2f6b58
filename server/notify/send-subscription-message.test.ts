import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import { pointsExpiringMessage } from './messages';
import { sendSubscriptionMessage, sendSubscriptionMessages } from './send-subscription-message';
import { stored } from '../../tests/support/stored';

const NOW = Date.UTC(2026, 10, 23, 2);

describe('sendSubscriptionMessage', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    for (const id of ['none', 'two', 'rush', 'b1', 'b2', 'b3', 'gone'])
      addMember(cloud, id, NOW, id === 'gone' ? { status: 'deleted' } : {});
    const quota = (pointsExpiring: number) => ({ tierChange: 0, tierAtRisk: 0, birthdayCoupon: 0, comebackCoupon: 0, pointsExpiring });
    cloud.store.insert('subscriptions', { _id: 'two', memberId: 'two', quota: quota(2), updatedAt: 0 });
    cloud.store.insert('subscriptions', { _id: 'rush', memberId: 'rush', quota: quota(3), updatedAt: 0 });
    for (const id of ['b1', 'b2', 'b3', 'gone'])
      cloud.store.insert('subscriptions', { _id: id, memberId: id, quota: quota(1), updatedAt: 0 });
  });
  afterAll(() => cloud?.stop());

  const quotaOf = (id: string) => stored(cloud, 'subscriptions', id).quota.pointsExpiring;
  const notification = (id: string) => stored(cloud, 'notifications', id);
  const send = (memberId: string, effectKey: string) =>
    sendSubscriptionMessage(ctx(NOW), {
      effectKey,
      memberId,
      openid: `o-${memberId}`,
      message: pointsExpiringMessage({ points: 10, expiresAt: NOW }),
    });

  it('sends nothing to a member without quota, and records nothing', async () => {
    expect(await send('none', 'a')).toBe('noQuota');
    expect(cloud.store.get('notifications', 'pointsExpiring:a')).toBeUndefined();
  });

  it('takes one unit per message, never twice for one effect, and records a refused send as failed without undoing anything', async () => {
    // Outside a function, the local cloud refuses openapi calls (no permissions): a failed send.
    expect(await send('two', 'b')).toBe('failed');
    expect(notification('pointsExpiring:b')).toMatchObject({
      memberId: 'two',
      status: 'failed',
      templateId: 'points-expiring',
      error: expect.stringContaining('permission'),
    });
    expect(quotaOf('two')).toBe(1);
    // A retry of the effect takes a unit, finds the message recorded, and gives the unit back.
    expect(await send('two', 'b')).toBe('duplicate');
    expect(quotaOf('two')).toBe(1);
    expect(await send('two', 'c')).toBe('failed');
    expect(await send('two', 'd')).toBe('noQuota');
    expect(quotaOf('two')).toBe(0);
  });

  it('sends a batch as one message at a time would, with one read of the openids and one update per outcome', async () => {
    const counts = new Map<string, number>();
    const handle = cloud.engine.handle.bind(cloud.engine);
    cloud.engine.handle = (action, params) => {
      const key = `${action} ${String(params.collectionName)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return handle(action, params);
    };
    const batch = (ids: string[]) =>
      sendSubscriptionMessages(
        ctx(NOW),
        ids.map((memberId) => ({
          effectKey: `batch:${memberId}`,
          memberId,
          message: pointsExpiringMessage({ points: 10, expiresAt: NOW }),
        })),
        4,
      );
    try {
      expect(await batch(['b1', 'none', 'b2', 'gone', 'b3'])).toEqual(['failed', 'noQuota', 'failed', 'failed', 'failed']);
      expect(counts.get('database.getDocument members')).toBe(1);
      // One update for the refused sends (the same reason) and one for the member who left.
      expect(counts.get('database.modifyDocument notifications')).toBe(2);
      expect(notification('pointsExpiring:batch:b1')).toMatchObject({ status: 'failed', error: expect.stringContaining('permission') });
      expect(notification('pointsExpiring:batch:gone')).toMatchObject({ status: 'failed', error: 'the member has left' });
      expect(cloud.store.get('notifications', 'pointsExpiring:batch:none')).toBeUndefined();
      expect(['b1', 'b2', 'b3', 'gone'].map((id) => quotaOf(id))).toEqual([0, 0, 0, 0]);
      // A repeat finds every message recorded: nothing sent twice, no unit taken.
      cloud.store.replace('subscriptions', {
        _id: 'b2',
        memberId: 'b2',
        quota: { tierChange: 0, tierAtRisk: 0, birthdayCoupon: 0, comebackCoupon: 0, pointsExpiring: 1 },
        updatedAt: 0,
      });
      expect(await batch(['b2', 'b1'])).toEqual(['duplicate', 'duplicate']);
      expect(quotaOf('b2')).toBe(1);
      expect(await sendSubscriptionMessages(ctx(NOW), [], 4)).toEqual([]);
    } finally {
      cloud.engine.handle = handle;
    }
  });

  it('sends each message of two copies of a batch run at once once, taking one unit each, and records nothing for a member without quota', async () => {
    for (const id of ['c1', 'c2', 'c3']) {
      addMember(cloud, id, NOW);
      cloud.store.insert('subscriptions', {
        _id: id,
        memberId: id,
        quota: { tierChange: 0, tierAtRisk: 0, birthdayCoupon: 0, comebackCoupon: 0, pointsExpiring: id === 'c3' ? 0 : 2 },
        updatedAt: 0,
      });
    }
    const requests = ['c1', 'c2', 'c3'].map((memberId) => ({
      effectKey: `copy:${memberId}`,
      memberId,
      message: pointsExpiringMessage({ points: 10, expiresAt: NOW }),
    }));
    const [a, b] = await Promise.all([sendSubscriptionMessages(ctx(NOW), requests, 4), sendSubscriptionMessages(ctx(NOW), requests, 4)]);
    for (const i of [0, 1]) expect([a?.[i], b?.[i]].sort()).toEqual(['duplicate', 'failed']);
    expect(['c1', 'c2', 'c3'].map(quotaOf)).toEqual([1, 1, 0]);
    expect(cloud.store.get('notifications', 'pointsExpiring:copy:c3')).toBeUndefined();
    expect(notification('pointsExpiring:copy:c1').status).toBe('failed');
  });

  it('never goes past the quota when messages race', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => send('rush', `r${i}`)));
    expect(outcomes.filter((outcome) => outcome === 'noQuota')).toHaveLength(7);
    expect(quotaOf('rush')).toBe(0);
  });
});
