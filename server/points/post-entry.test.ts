import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { RuleError } from '~/core/rule-error';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';
import { adjustPoints, checkIn, expireBuckets, spendPoints } from './member-points';
import { reconcileAll, reconcileMember } from './reconcile';

const NOV_22 = Date.UTC(2026, 10, 22, 2); // 10:00 in Shanghai; points earned now expire with November 2027
const JAN_10 = Date.UTC(2027, 0, 10, 2); // points earned now expire with January 2028
const DEC_1 = Date.UTC(2027, 10, 30, 16, 5); // 00:05 on 1 December 2027 in Shanghai
const bucket = (memberId: string) => ({ _id: `bucket:${memberId}:2027-11`, memberId });

describe('postEntries: several members’ entries in one transaction (expireBuckets)', () => {
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

  const read = <T>(collection: string, id: string) => {
    const row = cloud.store.get(collection, id);
    return row ? (cloud.store.parse(row) as unknown as T) : null;
  };
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

  it('posts each expiry with its member’s points and bucket, at five requests a bucket plus the transaction’s start and commit', async () => {
    const ids = await members('g', 5);
    counts.clear();
    const outcomes = await expireBuckets(ctx(DEC_1), ids.map(bucket));
    expect(outcomes.every((outcome) => outcome.ok && outcome.result.created)).toBe(true);
    const requests = [...counts.values()].reduce((sum, n) => sum + n, 0);
    expect(requests).toBe(2 + 5 * ids.length);
    expect(counts.get('database.startTransaction')).toBe(1);
    for (const id of ids) {
      expect(read<LedgerEntryDoc>('ledger_entries', `expire:bucket:${id}:2027-11`)).toMatchObject({ memberId: id, kind: 'expire', available: -40, balanceAfter: { available: 100 } });
      expect(read<MemberDoc>('members', id)?.points).toMatchObject({ available: 100, openBuckets: [`bucket:${id}:2028-01`] });
      expect(read<PointLotDoc>('point_lots', `bucket:${id}:2027-11`)).toMatchObject({ state: 'expired', remaining: 0, expired: 40 });
      expect(await reconcileMember(ctx(DEC_1), id)).toEqual([]);
    }
  });

  it('leaves out a bucket the plan refuses or whose member has left, and commits the others', async () => {
    const ids = await members('r', 4);
    cloud.store.replace('members', { ...(read<MemberDoc>('members', 'r3') as MemberDoc), status: 'deleted' } as never);
    const outcomes = await expireBuckets(ctx(DEC_1), [bucket('r0'), { _id: 'bucket:r1:2028-01', memberId: 'r1' }, bucket('r2'), bucket('r3')]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'posted' : (outcome.error as RuleError | AppError).code))).toEqual(['posted', 'INVALID_STATE', 'posted', 'NOT_A_MEMBER']);
    expect(read<MemberDoc>('members', 'r1')?.points.available).toBe(140);
    expect(read<LedgerEntryDoc>('ledger_entries', 'expire:bucket:r3:2027-11')).toBeNull();
    // A repeat finds the buckets closed: refused by the plan, nothing posted twice.
    const again = await expireBuckets(ctx(DEC_1), [bucket('r0'), bucket('r2')]);
    expect(again.every((outcome) => !outcome.ok && outcome.error instanceof RuleError && outcome.error.code === 'INVALID_STATE')).toBe(true);
    for (const id of ids.slice(0, 3)) expect(await reconcileMember(ctx(DEC_1), id)).toEqual([]);
  });

  it('posts a group one request at a time when a key is already taken, answering that key with its entry', async () => {
    await members('k', 3);
    const taken: LedgerEntryDoc = { ...(read<LedgerEntryDoc>('ledger_entries', 'adjust:k1:k1-nov') as LedgerEntryDoc), _id: 'expire:bucket:k1:2027-11', kind: 'expire' };
    cloud.store.insert('ledger_entries', taken as never);
    const outcomes = await expireBuckets(ctx(DEC_1), ['k0', 'k1', 'k2'].map(bucket));
    expect(outcomes.map((outcome) => outcome.ok && outcome.result.created)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: true, result: { entry: { _id: 'expire:bucket:k1:2027-11', available: 40 } } });
    expect(read<PointLotDoc>('point_lots', 'bucket:k1:2027-11')?.state).toBe('open');
    for (const id of ['k0', 'k2']) expect(await reconcileMember(ctx(DEC_1), id)).toEqual([]);
  });

  it('keeps the books while the members check in, spend and get points during the expiry', async () => {
    const ids = await members('c', 8);
    const own = ids.flatMap((id, i) => [
      checkIn(ctx(DEC_1), id),
      spendPoints(ctx(DEC_1), { memberId: id, key: `spend:${id}`, points: 30 + i, reason: '兑换礼品', ref: { type: 'reward', id: `w${i}` } }),
      adjustPoints(ctx(DEC_1), { memberId: id, key: `${id}-dec`, points: 7, reason: '活动奖励', adminId: 'admin' }),
    ]);
    const groups = [expireBuckets(ctx(DEC_1), ids.slice(0, 4).map(bucket)), expireBuckets(ctx(DEC_1), ids.slice(4).map(bucket))];
    await Promise.all([...own, ...groups]);
    for (const outcome of (await Promise.all(groups)).flat()) expect(outcome).toMatchObject({ ok: true, result: { created: true } });
    ids.forEach((id, i) => expect(read<MemberDoc>('members', id)?.points.available).toBe(100 - (30 + i) + 5 + 7));
    expect((await reconcileAll(ctx(DEC_1))).problems.filter((problem) => problem.memberId.startsWith('c'))).toEqual([]);
  });
});
