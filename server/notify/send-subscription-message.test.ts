import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { SubscriptionDoc } from '~/types/notify';
import type { RequestContext } from '../runtime/wx';
import { pointsExpiringMessage } from './messages';
import type { NotificationDoc } from './send-subscription-message';
import { sendSubscriptionMessage } from './send-subscription-message';

const NOW = Date.UTC(2026, 10, 23, 2);

describe('sendSubscriptionMessage', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    for (const id of ['none', 'two', 'rush']) addMember(cloud, id, NOW);
    const quota = (pointsExpiring: number) => ({ tierChange: 0, tierAtRisk: 0, birthdayCoupon: 0, comebackCoupon: 0, pointsExpiring });
    cloud.store.insert('subscriptions', { _id: 'two', memberId: 'two', quota: quota(2), updatedAt: 0 });
    cloud.store.insert('subscriptions', { _id: 'rush', memberId: 'rush', quota: quota(3), updatedAt: 0 });
  });
  afterAll(() => cloud?.stop());

  const quotaOf = (id: string) => (cloud.store.parse(cloud.store.get('subscriptions', id) as never) as unknown as SubscriptionDoc).quota.pointsExpiring;
  const notification = (id: string) => cloud.store.parse(cloud.store.get('notifications', id) as never) as unknown as NotificationDoc;
  const send = (memberId: string, effectKey: string) =>
    sendSubscriptionMessage(ctx(NOW), { effectKey, memberId, openid: `o-${memberId}`, message: pointsExpiringMessage({ points: 10, expiresAt: NOW }) });

  it('sends nothing to a member without quota, and records nothing', async () => {
    expect(await send('none', 'a')).toBe('noQuota');
    expect(cloud.store.get('notifications', 'pointsExpiring:a')).toBeUndefined();
  });

  it('takes one unit per message, never twice for one effect, and records a refused send as failed without undoing anything', async () => {
    // Outside a function, the local cloud refuses openapi calls (no permissions): a failed send.
    expect(await send('two', 'b')).toBe('failed');
    expect(notification('pointsExpiring:b')).toMatchObject({ memberId: 'two', status: 'failed', templateId: 'points-expiring', error: expect.stringContaining('permission') });
    expect(quotaOf('two')).toBe(1);
    // A retry of the effect takes a unit, finds the message recorded, and gives the unit back.
    expect(await send('two', 'b')).toBe('duplicate');
    expect(quotaOf('two')).toBe(1);
    expect(await send('two', 'c')).toBe('failed');
    expect(await send('two', 'd')).toBe('noQuota');
    expect(quotaOf('two')).toBe(0);
  });

  it('never goes past the quota when messages race', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => send('rush', `r${i}`)));
    expect(outcomes.filter((outcome) => outcome === 'noQuota')).toHaveLength(7);
    expect(quotaOf('rush')).toBe(0);
  });
});
