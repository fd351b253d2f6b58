import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { availableAt } from '~/core/points/expiry';
import type { LedgerEntryDoc } from '~/types/points';
import type { RequestContext } from '../runtime/wx';
import { adjustPoints } from './adjust-points';
import { checkIn } from './check-in';
import { clawbackOrderPoints } from './clawback-order-points';
import { earnForOrder } from './earn-for-order';
import { refundSpentPoints } from './refund-spent-points';
import { releasePendingLot } from './release-pending-lot';
import { spendPoints } from './spend-points';
import { startReturnWindow } from './start-return-window';
import { reconcileAll, reconcileMember } from './reconcile';
import { DAY_MS } from '~/core/calendar/durations';
import { stored } from '../../tests/support/stored';

const NOV_22 = Date.UTC(2026, 10, 22, 2); // 10:00 in Shanghai

describe('points use-cases through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const member = (id: string) => stored(cloud, 'members', id);
  const expectBooksBalance = async (id: string) => expect(await reconcileMember(ctx(NOV_22), id)).toEqual([]);

  it('checks in once per Shanghai day, continues the streak across midnight, and answers a retry with the first result', async () => {
    addMember(cloud, 'ci1', NOV_22);
    const first = await checkIn(ctx(Date.UTC(2026, 10, 21, 15, 59)), 'ci1'); // 23:59 on the 21st
    const again = await checkIn(ctx(Date.UTC(2026, 10, 21, 15, 59, 30)), 'ci1');
    expect(again).toEqual({ entry: first.entry, created: false });
    const next = await checkIn(ctx(Date.UTC(2026, 10, 21, 16, 1)), 'ci1'); // 00:01 on the 22nd
    expect(next.entry.details).toMatchObject({ day: '2026-11-22', streak: 2 });
    expect(member('ci1').points.available).toBe(10);
    await expectBooksBalance('ci1');
  });

  it('gives the streak bonus on the 7th day, and concurrent check-ins post once', async () => {
    addMember(cloud, 'ci2', NOV_22);
    for (let d = 0; d < 6; d += 1) await checkIn(ctx(NOV_22 + d * DAY_MS), 'ci2');
    const seventh = await Promise.all(Array.from({ length: 5 }, () => checkIn(ctx(NOV_22 + 6 * DAY_MS), 'ci2')));
    expect(seventh.filter((r) => r.created)).toHaveLength(1);
    expect(seventh[0]?.entry.available).toBe(25);
    expect(member('ci2').points.available).toBe(6 * 5 + 25);
    await expectBooksBalance('ci2');
  });

  it('earns pending points per order, releases them after the return window, and claws back exactly the refunded lines', async () => {
    addMember(cloud, 'buyer', NOV_22, { tierId: 'gold' });
    const lines = [
      { lineId: 'l1', paidFen: 10_000 },
      { lineId: 'l2', paidFen: 5_050 },
    ];
    const earned = await earnForOrder(ctx(NOV_22), { memberId: 'buyer', orderId: 'o1', lines });
    // ¥150.50 × 1 × 1.5 = 225.75 → 225, split 150/75 by paid amount.
    expect(earned?.entry).toMatchObject({ pending: 225, available: 0 });
    expect(earned?.entry.snapshot?.lines?.map((l) => l.points)).toEqual([150, 75]);
    expect((await earnForOrder(ctx(NOV_22), { memberId: 'buyer', orderId: 'o1', lines }))?.created).toBe(false);

    const lot = { _id: 'pending:earn:order:o1', memberId: 'buyer', entryId: 'earn:order:o1' };
    await expect(releasePendingLot(ctx(NOV_22 + 30 * DAY_MS), lot)).rejects.toThrow(/pending until/);
    expect(await startReturnWindow(ctx(NOV_22), { orderId: 'o1', completedAt: NOV_22 + DAY_MS })).toBe(true);
    expect(await startReturnWindow(ctx(NOV_22), { orderId: 'o1', completedAt: NOV_22 + 2 * DAY_MS })).toBe(false);
    await expect(releasePendingLot(ctx(NOV_22 + 7 * DAY_MS), lot)).rejects.toThrow(/pending until/);
    await releasePendingLot(ctx(NOV_22 + 8 * DAY_MS), lot);
    expect(member('buyer').points).toMatchObject({ available: 225, pending: 0 });

    await spendPoints(ctx(NOV_22 + 9 * DAY_MS), {
      memberId: 'buyer',
      key: 'spend:reward:r1',
      points: 200,
      reason: '兑换礼品',
      ref: { type: 'reward', id: 'r1' },
    });
    const clawed = await clawbackOrderPoints(ctx(NOV_22 + 10 * DAY_MS), {
      memberId: 'buyer',
      orderId: 'o1',
      refundId: 'rf1',
      lineIds: ['l1'],
    });
    expect(clawed?.entry.available).toBe(-150);
    expect(member('buyer').points.available).toBe(-125);
    await expect(
      spendPoints(ctx(NOV_22 + 10 * DAY_MS), {
        memberId: 'buyer',
        key: 'spend:reward:r2',
        points: 1,
        reason: '兑换礼品',
        ref: { type: 'reward', id: 'r2' },
      }),
    ).rejects.toThrow(/为负/);
    await expectBooksBalance('buyer');
  });

  it('refunds a spend to the buckets it came from; the points leave the balance when their month ends, recorded once', async () => {
    addMember(cloud, 'saver', NOV_22);
    await adjustPoints(ctx(NOV_22), { memberId: 'saver', key: 'a1', points: 300, reason: '客服补偿', adminId: 'admin' });
    await spendPoints(ctx(NOV_22), {
      memberId: 'saver',
      key: 'spend:reward:s1',
      points: 120,
      reason: '兑换礼品',
      ref: { type: 'reward', id: 's1' },
    });
    await refundSpentPoints(ctx(NOV_22), {
      memberId: 'saver',
      key: 'refund:reward:s1',
      spendKey: 'spend:reward:s1',
      reason: '取消兑换退回积分',
      ref: { type: 'reward', id: 's1' },
    });
    expect(member('saver').points.available).toBe(300);
    const afterExpiry = Date.UTC(2027, 10, 30, 16, 0, 0);
    expect(availableAt(member('saver').points, afterExpiry - 1)).toBe(300);
    expect(availableAt(member('saver').points, afterExpiry)).toBe(0);
    await expect(
      spendPoints(ctx(afterExpiry), {
        memberId: 'saver',
        key: 'spend:reward:s2',
        points: 1,
        reason: '兑换礼品',
        ref: { type: 'reward', id: 's2' },
      }),
    ).rejects.toThrow(/积分不足/);
    // Two concurrent check-ins after the month ended: the expiry is recorded once, before the first of them.
    await Promise.all([checkIn(ctx(afterExpiry), 'saver'), checkIn(ctx(afterExpiry), 'saver')]);
    const expiry = (await ctx(afterExpiry).db.collection('ledger_entries').get('expire:bucket:saver:2027-11')) as LedgerEntryDoc;
    expect(expiry).toMatchObject({ kind: 'expire', available: -300, balanceAfter: { available: 0 } });
    expect(member('saver').points).toMatchObject({ available: 5, buckets: [{ id: 'bucket:saver:2028-12', points: 5 }] });
    expect(await reconcileMember(ctx(afterExpiry), 'saver')).toEqual([]);
  });

  it('under 40 concurrent spends of 30 on a balance of 300, exactly 10 succeed', async () => {
    addMember(cloud, 'rush', NOV_22);
    await adjustPoints(ctx(NOV_22), { memberId: 'rush', key: 'r0', points: 300, reason: '活动奖励', adminId: 'admin' });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        spendPoints(ctx(NOV_22), {
          memberId: 'rush',
          key: `spend:reward:rush${i}`,
          points: 30,
          reason: '兑换礼品',
          ref: { type: 'reward', id: `rush${i}` },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'rejected').every((r) => /积分不足/.test(String((r as PromiseRejectedResult).reason)))).toBe(
      true,
    );
    expect(member('rush').points.available).toBe(0);
    expect((await reconcileAll(ctx(NOV_22))).problems).toEqual([]);
  });
});
