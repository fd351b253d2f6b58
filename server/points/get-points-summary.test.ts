import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import { adjustPoints } from './adjust-points';
import { earnForOrder } from './earn-for-order';
import { getPointsSummary } from './get-points-summary';
import { stored } from '../../tests/support/stored';

describe('points summary through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  const NOV_22 = Date.UTC(2026, 10, 22, 2);
  const member = (id: string) => stored(cloud, 'members', id);

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  it('names the next expiry even when nothing expires within 30 days, and lists pending purchase points', async () => {
    addMember(cloud, 'sum1', NOV_22);
    await adjustPoints(ctx(NOV_22), { memberId: 'sum1', key: 'k1', points: 300, reason: '活动奖励', adminId: 'admin' });
    await earnForOrder(ctx(NOV_22), { memberId: 'sum1', orderId: 'o-sum1', lines: [{ lineId: 'l1', paidFen: 12_000 }] });

    const summary = await getPointsSummary(ctx(NOV_22), member('sum1'));
    // Earned in November 2026: expires at the end of November 2027, Shanghai time.
    const endOfNov2027 = Date.UTC(2027, 10, 30, 16) - 1;
    expect(summary).toMatchObject({ available: 300, pending: 120, expiring: [], negative: false });
    expect(summary.nextExpiry).toEqual({ points: 300, expiresAt: endOfNov2027 });
    expect(summary.pendingLots).toEqual([{ points: 120, availableAt: null, orderId: 'o-sum1' }]);

    const soon = await getPointsSummary(ctx(Date.UTC(2027, 10, 5)), member('sum1'));
    expect(soon.expiring).toEqual([{ points: 300, expiresAt: endOfNov2027 }]);
  });

  it('has no next expiry without available points', async () => {
    addMember(cloud, 'sum2', NOV_22);
    expect((await getPointsSummary(ctx(NOV_22), member('sum2'))).nextExpiry).toBeNull();
  });
});
