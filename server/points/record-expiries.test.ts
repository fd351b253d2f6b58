import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { availableAt } from '~/core/points/expiry';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { RequestContext } from '../runtime/wx';
import { adjustPoints } from './adjust-points';
import { checkIn } from './check-in';
import { earnForOrder } from './earn-for-order';
import { refundSpentPoints } from './refund-spent-points';
import { releasePendingLot } from './release-pending-lot';
import { spendPoints } from './spend-points';
import { startReturnWindow } from './start-return-window';
import { recordExpiries } from './record-expiries';
import { reconcileAll, reconcileMember } from './reconcile';
import { storedOrNull } from '../../tests/support/stored';
import type { CollectionName } from '~/types/collections';

const NOV_22 = Date.UTC(2026, 10, 22, 2); // 10:00 in Shanghai; points earned now expire with November 2027
const JAN_10 = Date.UTC(2027, 0, 10, 2); // points earned now expire with January 2028
const DEC_1 = Date.UTC(2027, 10, 30, 16, 5); // 00:05 on 1 December 2027 in Shanghai

describe('recordExpiries: the expiry job’s page of expired buckets', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  const counts = new Map<string, number>();

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    const handle = cloud.engine.handle.bind(cloud.engine);
    cloud.engine.handle = (action, params) => {
      counts.set(action, (counts.get(action) ?? 0) + 1);
      return handle(action, params);
    };
  });
  afterAll(() => cloud?.stop());

  const read = <N extends CollectionName>(collection: N, id: string) => {
    return storedOrNull(cloud, collection, id);
  };
  const bucketOf = (memberId: string) => read('point_lots', `bucket:${memberId}:2027-11`) as PointLotDoc;
  const expiriesOf = (memberId: string) =>
    (
      cloud.store.sql.prepare(`SELECT doc FROM ledger_entries WHERE _id LIKE ?`).all(`expire:bucket:${memberId}:%`) as { doc: string }[]
    ).map((row) => JSON.parse(row.doc) as LedgerEntryDoc);
  /** Members with `points` earned on NOV_22 (so expiring with November 2027) and 100 more earned on JAN_10. */
  const members = async (prefix: string, count: number, points = 40) => {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    for (const id of ids) {
      addMember(cloud, id, NOV_22);
      await adjustPoints(ctx(NOV_22), { memberId: id, key: `${id}-nov`, points, reason: '活动奖励', adminId: 'admin' });
      await adjustPoints(ctx(JAN_10), { memberId: id, key: `${id}-jan`, points: 100, reason: '活动奖励', adminId: 'admin' });
    }
    return ids;
  };

  it('records a page of expiries in three requests, leaving the members’ documents alone', async () => {
    const ids = await members('g', 6);
    const before = ids.map((id) => read('members', id));
    counts.clear();
    const outcomes = await recordExpiries(ctx(DEC_1), ids.map(bucketOf));
    expect(outcomes).toEqual(ids.map(() => 'recorded'));
    expect(Object.fromEntries(counts)).toEqual({ 'database.getDocument': 1, 'database.insertDocument': 1, 'database.modifyDocument': 1 });
    ids.forEach((id, i) => {
      expect(read('ledger_entries', `expire:bucket:${id}:2027-11`)).toMatchObject({
        memberId: id,
        kind: 'expire',
        available: -40,
        reason: '积分过期',
        lots: [{ lotId: `bucket:${id}:2027-11`, points: -40 }],
        balanceAfter: { available: 100, pending: 0 },
        // Dated the instant the points expired, whoever writes it.
        createdAt: Date.UTC(2027, 10, 30, 16),
      });
      expect(read('members', id)).toEqual(before[i]);
      expect(availableAt((before[i] as MemberDoc).points, DEC_1)).toBe(100);
      expect(bucketOf(id)).toMatchObject({ state: 'expired', remaining: 40, earned: 40 });
    });
    for (const id of ids) expect(await reconcileMember(ctx(DEC_1), id)).toEqual([]);
    // The member's next posting drops the bucket from the cached points and writes no second entry.
    await checkIn(ctx(DEC_1), 'g0');
    expect(read('members', 'g0')?.points).toMatchObject({
      available: 105,
      buckets: [
        { id: 'bucket:g0:2028-01', points: 100 },
        { id: 'bucket:g0:2028-12', points: 5 },
      ],
    });
    expect(expiriesOf('g0')).toHaveLength(1);
    expect(await reconcileMember(ctx(DEC_1), 'g0')).toEqual([]);
  });

  it('finds nothing to record for a bucket the member’s own posting expired first, or one spent down to nothing', async () => {
    const [early, spent] = await members('e', 2);
    await spendPoints(ctx(NOV_22), {
      memberId: spent as string,
      key: 'spend:e1',
      points: 40,
      reason: '兑换礼品',
      ref: { type: 'reward', id: 'w' },
    });
    await checkIn(ctx(DEC_1), early as string);
    expect(expiriesOf(early as string)).toMatchObject([{ available: -40, balanceAfter: { available: 100 } }]);
    expect(bucketOf(early as string).state).toBe('expired');
    const lots = [{ ...bucketOf(early as string), state: 'open' as const }, bucketOf(spent as string)];
    expect(await recordExpiries(ctx(DEC_1), lots)).toEqual(['nothing', 'nothing']);
    expect(expiriesOf(early as string)).toHaveLength(1);
    expect(expiriesOf(spent as string)).toHaveLength(0);
    expect(bucketOf(spent as string)).toMatchObject({ state: 'expired', remaining: 0 });
    for (const id of [early, spent]) expect(await reconcileMember(ctx(DEC_1), id as string)).toEqual([]);
  });

  it('a page cut off halfway, run again, records each expiry once and closes every bucket', async () => {
    const ids = await members('k', 3);
    const lots = ids.map(bucketOf);
    // The cut came after k1's entry was in, and after k2's bucket was marked but before its entry.
    await recordExpiries(ctx(DEC_1), [lots[1] as PointLotDoc]);
    cloud.store.replace('point_lots', { ...bucketOf('k2'), state: 'expired' } as never);
    counts.clear();
    expect(await recordExpiries(ctx(DEC_1), lots)).toEqual(['recorded', 'nothing', 'recorded']);
    for (const id of ids) {
      expect(expiriesOf(id)).toHaveLength(1);
      expect(bucketOf(id).state).toBe('expired');
      expect(await reconcileMember(ctx(DEC_1), id)).toEqual([]);
    }
    // The batch met k1's entry, so it was inserted again one by one.
    expect(counts.get('database.insertDocument')).toBe(4);
  });

  it('once a bucket is marked, a posting that still sees its month running can no longer change it', async () => {
    const [id] = await members('m', 1);
    const member = id as string;
    const spend = await spendPoints(ctx(NOV_22), {
      memberId: member,
      key: 'spend:m0',
      points: 30,
      reason: '兑换礼品',
      ref: { type: 'reward', id: 'w' },
    });
    expect(spend.entry.lots).toEqual([{ lotId: `bucket:${member}:2027-11`, points: -30 }]);
    cloud.store.replace('point_lots', { ...bucketOf(member), state: 'expired' } as never);
    const lastMinute = DEC_1 - 10 * 60_000; // 23:55 on 30 November, as a request that started then sees it
    // A spend takes from the next bucket, and a refund of the spend comes back into the bucket of points earned now.
    const again = await spendPoints(ctx(lastMinute), {
      memberId: member,
      key: 'spend:m0b',
      points: 20,
      reason: '兑换礼品',
      ref: { type: 'reward', id: 'w2' },
    });
    expect(again.entry.lots).toEqual([{ lotId: `bucket:${member}:2028-01`, points: -20 }]);
    const refund = await refundSpentPoints(ctx(lastMinute), {
      memberId: member,
      key: 'refund:m0',
      spendKey: 'spend:m0',
      reason: '取消兑换退回积分',
      ref: { type: 'reward', id: 'w' },
    });
    expect(refund?.entry.lots).toEqual([{ lotId: `bucket:${member}:2028-11`, points: 30 }]);
    expect(bucketOf(member)).toMatchObject({ state: 'expired', remaining: 10 });
    expect(await recordExpiries(ctx(DEC_1), [bucketOf(member)])).toEqual(['recorded']);
    expect(expiriesOf(member)).toMatchObject([{ available: -10 }]);
    expect(await reconcileMember(ctx(DEC_1), member)).toEqual([]);
  });

  it('a release whose sweep began before midnight puts its points into the bucket of points earned then, not into the recorded one', async () => {
    const [id] = await members('r', 1);
    const member = id as string;
    await earnForOrder(ctx(NOV_22), { memberId: member, orderId: 'ro1', lines: [{ lineId: 'l1', paidFen: 8_000 }] });
    await startReturnWindow(ctx(NOV_22), { orderId: 'ro1', completedAt: NOV_22 });
    expect(await recordExpiries(ctx(DEC_1), [bucketOf(member)])).toEqual(['recorded']);
    const lastMinute = DEC_1 - 10 * 60_000;
    const release = await releasePendingLot(ctx(lastMinute), {
      _id: 'pending:earn:order:ro1',
      memberId: member,
      entryId: 'earn:order:ro1',
    });
    expect(release.entry.lots).toEqual([
      { lotId: 'pending:earn:order:ro1', points: -80 },
      { lotId: `bucket:${member}:2028-11`, points: 80 },
    ]);
    expect(bucketOf(member)).toMatchObject({ state: 'expired', remaining: 40 });
    expect(expiriesOf(member)).toMatchObject([{ available: -40 }]);
    expect(await reconcileMember(ctx(DEC_1), member)).toEqual([]);
  });

  it('keeps the books while the members check in, spend and get points during the sweep', async () => {
    const ids = await members('c', 8);
    const own = ids.flatMap((id, i) => [
      checkIn(ctx(DEC_1), id),
      spendPoints(ctx(DEC_1), {
        memberId: id,
        key: `spend:${id}`,
        points: 30 + i,
        reason: '兑换礼品',
        ref: { type: 'reward', id: `w${i}` },
      }),
      adjustPoints(ctx(DEC_1), { memberId: id, key: `${id}-dec`, points: 7, reason: '活动奖励', adminId: 'admin' }),
    ]);
    const lots = ids.map(bucketOf);
    const sweeps = [
      recordExpiries(ctx(DEC_1), lots.slice(0, 4)),
      recordExpiries(ctx(DEC_1), lots.slice(4)),
      recordExpiries(ctx(DEC_1), lots),
    ];
    await Promise.all([...own, ...sweeps]);
    ids.forEach((id, i) => {
      expect(read('members', id)?.points.available).toBe(100 - (30 + i) + 5 + 7);
      expect(expiriesOf(id)).toHaveLength(1);
      expect(bucketOf(id).state).toBe('expired');
    });
    expect((await reconcileAll(ctx(DEC_1))).problems.filter((problem) => problem.memberId.startsWith('c'))).toEqual([]);
  });
});
