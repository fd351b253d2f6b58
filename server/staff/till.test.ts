import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { allStored, putStored, stored, storedOrNull } from '../../tests/support/stored';
import { signMemberCode } from '~/core/members/member-code';
import { newCouponInstance } from '~/core/coupons/new-instance';
import { newReward } from '~/core/rewards/new-reward';
import { MINUTE_MS } from '~/core/calendar/durations';
import type { CollectionName } from '~/types/collections';
import type { StaffDoc, StaffRole } from '~/types/staff';
import { MEMBER_CODE_SECRET_ENV, memberCodeKey } from '../members/member-code-key';
import { adjustPoints } from '../points/adjust-points';
import { reconcileMember } from '../points/reconcile';
import { cancelRedemption } from '../rewards/cancel-redemption';
import { redeemReward } from '../rewards/redeem-reward';
import type { RequestContext } from '../runtime/wx';
import { staffRoutes } from './routes';

// 10:00:05 in Shanghai.
const NOW = Date.UTC(2026, 10, 22, 2, 0, 5);
const STORE = {
  _id: 'store-a',
  name: '静安店',
  address: '南京西路 1 号',
  phone: '021-1',
  openHours: '10:00-22:00',
  status: 'open' as const,
};
const OTHER_STORE = { ...STORE, _id: 'store-b', name: '徐汇店' };

describe('the till through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number, openid?: string) => RequestContext;
  const saved = process.env[MEMBER_CODE_SECRET_ENV];

  beforeAll(async () => {
    process.env[MEMBER_CODE_SECRET_ENV] = 's'.repeat(40);
    ({ cloud, ctx } = await startUseCaseCloud());
    putStored(cloud, 'stores', STORE);
    putStored(cloud, 'stores', OTHER_STORE);
  });
  afterAll(async () => {
    await cloud?.stop();
    if (saved === undefined) delete process.env[MEMBER_CODE_SECRET_ENV];
    else process.env[MEMBER_CODE_SECRET_ENV] = saved;
  });

  const doc = <N extends CollectionName>(collection: N, id: string) => stored(cloud, collection, id);
  const addStaff = (id: string, role: StaffRole = 'cashier', storeId = STORE._id, fields: Partial<StaffDoc> = {}) => {
    const staff: StaffDoc = {
      _id: `o-${id}`,
      storeId,
      role,
      memberId: id,
      nickname: `店员${id}`,
      status: 'active',
      inviteCode: `INV${id}`,
      invitedBy: 'admin',
      createdAt: NOW,
      updatedAt: NOW,
      disabledAt: null,
      disabledBy: null,
      ...fields,
    };
    putStored(cloud, 'staff', staff);
    return staff;
  };
  const codeOf = (memberId: string, at = NOW) => {
    const member = doc('members', memberId);
    return signMemberCode(memberCodeKey(), { memberId, memberNo: member.memberNo }, at).code;
  };
  const call = <A extends keyof typeof staffRoutes>(staffId: string, action: A, input: Record<string, unknown>, at = NOW) =>
    (staffRoutes[action] as (input: unknown, ctx: RequestContext) => Promise<unknown>)({ action, ...input }, ctx(at, `o-${staffId}`));
  const member = async (id: string, points = 0) => {
    addMember(cloud, id, NOW - 30 * 24 * 60 * MINUTE_MS, { nickname: `会员${id}`, phone: '13800138000' });
    if (points > 0) await adjustPoints(ctx(NOW), { memberId: id, key: `seed:${id}`, points, reason: '活动奖励', adminId: 'admin' });
  };
  const coupon = (memberId: string, key: string, thresholdFen = 5_900, amountFen = 1_000) => {
    const instance = newCouponInstance(
      {
        issueKey: key,
        memberId,
        templateId: 'welcome',
        source: 'welcome',
        title: '新人券',
        description: '满59减10',
        terms: { kind: 'cash', thresholdFen, amountFen },
        stackingGroup: 'default',
        validFrom: NOW - MINUTE_MS,
        validTo: NOW + 7 * 24 * 60 * MINUTE_MS,
      },
      NOW,
    );
    putStored(cloud, 'coupon_instances', instance);
    return instance;
  };
  const counts = () =>
    Object.fromEntries((['till_sessions', 'store_sales', 'ledger_entries', 'audit_log'] as const).map((c) => [c, cloud.store.count(c)]));

  describe('member code verification', () => {
    beforeAll(async () => {
      addStaff('v-cashier');
      await member('v1');
    });

    it('refuses forged, expired, replayed, other-environment and malformed codes, each with its own code, writing nothing', async () => {
      const fresh = codeOf('v1');
      await call('v-cashier', 'scan', { code: fresh });
      const member = doc('members', 'v1');
      const otherEnv = signMemberCode({ ...memberCodeKey(), env: 'another-env' }, { memberId: 'v1', memberNo: member.memberNo }, NOW).code;
      const forged = `${fresh.slice(0, 12)}${fresh.slice(12).split('').reverse().join('')}`;
      const cases: [string, string, string][] = [
        ['forged', forged === fresh ? `${fresh.slice(0, 19)}${(Number(fresh[19]) + 1) % 10}` : forged, 'CODE_FORGED'],
        ['unknown member', `9999999999${fresh.slice(10)}`, 'CODE_FORGED'],
        ['expired', codeOf('v1', NOW - 5 * MINUTE_MS), 'CODE_EXPIRED'],
        ['replayed', fresh, 'CODE_USED'],
        ['other environment', otherEnv, 'CODE_OTHER_ENV'],
        ['malformed', '12345', 'CODE_MALFORMED'],
        ['letters', 'abcdefghijklmnopqrst', 'CODE_MALFORMED'],
      ];
      for (const [name, code, expected] of cases) {
        const before = counts();
        await expect(call('v-cashier', 'scan', { code }, NOW + 1_000)).rejects.toMatchObject({ code: expected });
        expect({ name, ...counts() }).toEqual({ name, ...before });
      }
    });

    it('opens one till session for 20 parallel scans of one code', async () => {
      await member('v2');
      const tills = ['t1', 't2', 't3', 't4'].map((id) => addStaff(id));
      // A window of its own, so earlier failures do not count against these tills.
      const at = NOW + 40 * MINUTE_MS;
      const code = codeOf('v2', at);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => call((tills[i % 4] as StaffDoc)._id.slice(2), 'scan', { code }, at)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map((r) => (r.reason as { code: string }).code);
      expect(new Set(refused)).toEqual(new Set(['CODE_USED']));
      expect(allStored(cloud, 'till_sessions').filter((s) => s.memberId === 'v2')).toHaveLength(1);
    });

    it('throttles guessing per staff member, and lets a good code through once the wait is over', async () => {
      const guesser = addStaff('v-guesser', 'cashier', OTHER_STORE._id);
      await member('v3');
      const real = codeOf('v3', NOW + 20 * MINUTE_MS);
      const wrong = (i: number) => `${real.slice(0, 12)}${String(10_000_000 + i).slice(-8)}`;
      const at = NOW + 20 * MINUTE_MS;
      const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => call('v-guesser', 'scan', { code: wrong(i) }, at)));
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
      expect(codes.filter((c) => c === 'CODE_FORGED').length).toBeLessThanOrEqual(10);
      expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(20);
      await expect(call('v-guesser', 'scan', { code: real }, at)).rejects.toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        details: { retryAfterMs: 1_000 },
      });
      const later = at + 1_000;
      await expect(call(guesser._id.slice(2), 'scan', { code: codeOf('v3', later) }, later)).resolves.toMatchObject({
        member: { memberId: 'v3' },
      });
      // The good scan gave its slot back; the next wrong one waits twice as long.
      await expect(call('v-guesser', 'scan', { code: wrong(99) }, later)).rejects.toMatchObject({ code: 'CODE_FORGED' });
      await expect(call('v-guesser', 'scan', { code: wrong(98) }, later)).rejects.toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        details: { retryAfterMs: 2_000 },
      });
    });
  });

  describe('member card and sales', () => {
    beforeAll(async () => {
      addStaff('cashier');
      addStaff('manager', 'manager');
      addStaff('far', 'cashier', OTHER_STORE._id);
    });

    it('shows the member card with masked phone, tier perks, points, usable coupons and pickups', async () => {
      await member('c1', 1_000);
      coupon('c1', 'c1-coupon');
      const card = (await call('cashier', 'scan', { code: codeOf('c1') })) as {
        member: { phoneMasked: string; points: unknown; tier: { perks: string[] } };
        coupons: unknown[];
      };
      expect(card.member).toMatchObject({ phoneMasked: '138****8000', points: { available: 1_000, pending: 0 } });
      expect(card.member.tier.perks.length).toBeGreaterThan(0);
      expect(card.coupons).toEqual([expect.objectContaining({ instanceId: 'c1-coupon', state: 'usable' })]);
    });

    it('records a purchase with a coupon and points; the receipt recorded again earns once and says so', async () => {
      await member('s1', 5_000);
      coupon('s1', 's1-coupon');
      const sessionId = codeOf('s1', NOW + 1_000);
      await call('cashier', 'scan', { code: sessionId }, NOW + 1_000);
      const quote = (await call('cashier', 'quoteSale', {
        sessionId,
        amountFen: 12_000,
        couponInstanceId: 's1-coupon',
        points: 2_000,
      })) as {
        paidFen: number;
        pointsUsed: number;
      };
      expect(quote).toMatchObject({ couponDiscountFen: 1_000, pointsUsed: 2_000, pointsFen: 2_000, paidFen: 9_000, pointsToEarn: 90 });
      const input = { sessionId, receiptNo: 'R-1001', amountFen: 12_000, couponInstanceId: 's1-coupon', points: 2_000 };
      const [first, second] = await Promise.allSettled([call('cashier', 'recordSale', input), call('cashier', 'recordSale', input)]);
      const answers = [first, second].map((r) =>
        r.status === 'fulfilled' ? (r.value as { duplicate: boolean }).duplicate : (r.reason as { code: string }).code,
      );
      expect(answers).toContain(false);
      const again = await call('cashier', 'recordSale', input, NOW + 5_000);
      expect(again).toMatchObject({ duplicate: true, paidFen: 9_000, pointsEarned: 90, status: 'recorded' });
      expect(doc('members', 's1').points).toMatchObject({ available: 3_000, pending: 90 });
      expect(doc('coupon_instances', 's1-coupon')).toMatchObject({ status: 'used', usedBy: 'sale:store-a:R-1001' });
      expect(doc('ledger_entries', 'earn:sale:sale:store-a:R-1001')).toMatchObject({ reason: '门店消费：静安店', pending: 90 });
      expect(doc('spend_records', 'spend:sale:store-a:R-1001')).toMatchObject({ amountFen: 9_000 });
      expect(doc('audit_log', 'audit:sale:store-a:R-1001')).toMatchObject({
        action: 'recordSale',
        actor: { kind: 'staff', id: 'o-cashier', role: 'cashier', storeId: 'store-a' },
        amounts: { amountFen: 12_000, paidFen: 9_000, pointsEarned: 90, pointsSpent: 2_000 },
      });
      // Points pay once per scan.
      await expect(
        call('cashier', 'recordSale', { sessionId, receiptNo: 'R-1002', amountFen: 1_000, points: 100 }, NOW + 6_000),
      ).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
    });

    it('refuses points without a fresh scan, and a coupon below its threshold, changing nothing', async () => {
      await member('s2', 5_000);
      coupon('s2', 's2-coupon', 10_000);
      const sessionId = codeOf('s2', NOW);
      await call('cashier', 'scan', { code: sessionId });
      const before = counts();
      await expect(
        call('cashier', 'recordSale', { sessionId, receiptNo: 'R-2001', amountFen: 5_000, couponInstanceId: 's2-coupon' }),
      ).rejects.toMatchObject({
        code: 'NOT_ELIGIBLE',
      });
      await expect(
        call('cashier', 'recordSale', { sessionId, receiptNo: 'R-2001', amountFen: 5_000, points: 100 }, NOW + 3 * MINUTE_MS),
      ).rejects.toMatchObject({
        code: 'NOT_ELIGIBLE',
      });
      await expect(
        call('cashier', 'recordSale', { sessionId, receiptNo: 'R-2001', amountFen: 5_000 }, NOW + 6 * MINUTE_MS),
      ).rejects.toMatchObject({
        code: 'TILL_SESSION_EXPIRED',
      });
      expect(counts()).toEqual(before);
      expect(doc('coupon_instances', 's2-coupon').status).toBe('issued');
    });

    it('a manager reverses a sale of the same day exactly; a cashier cannot; another store cannot see it', async () => {
      await member('s3', 5_000);
      coupon('s3', 's3-coupon');
      const sessionId = codeOf('s3', NOW);
      await call('cashier', 'scan', { code: sessionId });
      const sale = (await call('cashier', 'recordSale', {
        sessionId,
        receiptNo: 'R-3001',
        amountFen: 20_000,
        couponInstanceId: 's3-coupon',
        points: 1_000,
      })) as {
        saleId: string;
      };
      expect(doc('members', 's3').points).toMatchObject({ available: 4_000, pending: 180 });
      await expect(call('cashier', 'reverseSale', { saleId: sale.saleId, reason: '顾客退货' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(call('far', 'reverseSale', { saleId: sale.saleId, reason: '顾客退货' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const [a, b] = await Promise.all([
        call('manager', 'reverseSale', { saleId: sale.saleId, reason: '顾客退货' }, NOW + MINUTE_MS),
        call('manager', 'reverseSale', { saleId: sale.saleId, reason: '顾客退货' }, NOW + MINUTE_MS),
      ]);
      expect([a, b]).toEqual([expect.objectContaining({ status: 'reversed' }), expect.objectContaining({ status: 'reversed' })]);
      expect(doc('members', 's3').points).toMatchObject({ available: 5_000, pending: 0 });
      expect(doc('coupon_instances', 's3-coupon')).toMatchObject({ status: 'issued', usedBy: null });
      expect(doc('spend_records', 'spend:sale:store-a:R-3001:reversal')).toMatchObject({ amountFen: -18_000 });
      expect(doc('audit_log', 'audit:sale:store-a:R-3001:reversal')).toMatchObject({ action: 'reverseSale', actor: { id: 'o-manager' } });
      expect(await reconcileMember(ctx(NOW + 2 * MINUTE_MS), 's3')).toEqual([]);
    });

    it('upgrades the tier at once when an in-store purchase crosses a threshold, and earns by the new tier next time', async () => {
      await member('s5');
      const first = codeOf('s5', NOW);
      await call('cashier', 'scan', { code: first });
      await expect(call('cashier', 'recordSale', { sessionId: first, receiptNo: 'R-5001', amountFen: 100_000 })).resolves.toMatchObject({
        pointsEarned: 1_000,
      });
      expect(doc('members', 's5').tierId).toBe('silver');
      const second = codeOf('s5', NOW + 60_000);
      await call('cashier', 'scan', { code: second }, NOW + 60_000);
      await expect(
        call('cashier', 'recordSale', { sessionId: second, receiptNo: 'R-5002', amountFen: 10_000 }, NOW + 61_000),
      ).resolves.toMatchObject({
        pointsEarned: 120,
      });
    });

    it('refuses to reverse a sale of an earlier day', async () => {
      await member('s4');
      const sessionId = codeOf('s4', NOW);
      await call('cashier', 'scan', { code: sessionId });
      const sale = (await call('cashier', 'recordSale', { sessionId, receiptNo: 'R-4001', amountFen: 3_000 })) as { saleId: string };
      await expect(
        call('manager', 'reverseSale', { saleId: sale.saleId, reason: '顾客退货' }, NOW + 24 * 60 * MINUTE_MS),
      ).rejects.toMatchObject({
        code: 'INVALID_STATE',
      });
    });

    it('writes off a coupon once when two tills try at once', async () => {
      await member('w1');
      coupon('w1', 'w1-coupon', 0);
      const one = codeOf('w1', NOW);
      const two = codeOf('w1', NOW + 30_000);
      await call('cashier', 'scan', { code: one });
      await call('manager', 'scan', { code: two }, NOW + 30_000);
      const results = await Promise.allSettled([
        call('cashier', 'writeOffCoupon', { sessionId: one, instanceId: 'w1-coupon' }, NOW + 31_000),
        call('manager', 'writeOffCoupon', { sessionId: two, instanceId: 'w1-coupon' }, NOW + 31_000),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as { code: string }).code),
      ).toEqual(['INVALID_STATE']);
      expect(doc('coupon_instances', 'w1-coupon').status).toBe('used');
      expect(allStored(cloud, 'audit_log').filter((e) => e.target.id === 'w1-coupon')).toHaveLength(1);
    });
  });

  describe('pickups', () => {
    beforeAll(async () => {
      addStaff('p-cashier');
      putStored(
        cloud,
        'rewards',
        newReward(
          {
            _id: 'mug',
            title: '品牌马克杯',
            description: '门店自提',
            category: '周边',
            pointsCost: 500,
            totalStock: 10,
            kind: 'pointsCash',
            cashFen: 1_990,
          },
          NOW,
        ),
      );
    });

    it('hands a reward over once, records the cash part, and the member can no longer cancel it', async () => {
      await member('p1', 2_000);
      const redemption = await redeemReward(ctx(NOW), doc('members', 'p1'), { rewardId: 'mug', clientKey: 'mug-key-01' });
      const code = redemption.pickupCode as string;
      await expect(call('p-cashier', 'lookupPickup', { code })).resolves.toMatchObject({
        kind: 'reward',
        status: 'ready',
        cashFen: 1_990,
        memberNickname: '会员p1',
      });
      const handed = await call('p-cashier', 'handOverByCode', { code }, NOW + 1_000);
      expect(handed).toMatchObject({ status: 'handedOver', storeName: '静安店' });
      expect(doc('redemptions', redemption._id)).toMatchObject({
        status: 'fulfilled',
        fulfilledStoreId: 'store-a',
        fulfilledBy: 'o-p-cashier',
        cashCollectedFen: 1_990,
      });
      await expect(call('p-cashier', 'handOverByCode', { code }, NOW + 2_000)).rejects.toMatchObject({
        code: 'ALREADY_HANDED_OVER',
        message: '已于 11-22 10:00 在 静安店 提货',
      });
      await expect(cancelRedemption(ctx(NOW + 3_000), 'p1', redemption._id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect(doc('members', 'p1').points.available).toBe(1_500);
    });

    it('a handover racing the member cancelling: exactly one of them happens', async () => {
      await member('p2', 2_000);
      const redemption = await redeemReward(ctx(NOW), doc('members', 'p2'), { rewardId: 'mug', clientKey: 'mug-key-02' });
      const [handed, cancelled] = await Promise.allSettled([
        call('p-cashier', 'handOverByCode', { code: redemption.pickupCode as string }),
        cancelRedemption(ctx(NOW), 'p2', redemption._id),
      ]);
      expect([handed.status, cancelled.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      const final = doc('redemptions', redemption._id).status;
      expect(final === 'fulfilled' ? doc('members', 'p2').points.available : final).toBe(final === 'fulfilled' ? 1_500 : 'cancelled');
    });
  });

  describe('staff identity', () => {
    it('a disabled staff member is refused at once; an unbound member is not staff', async () => {
      addStaff('gone');
      await expect(call('gone', 'summary', {})).resolves.toMatchObject({ storeName: '静安店' });
      cloud.store.replace('staff', { ...doc('staff', 'o-gone'), status: 'disabled' });
      await expect(call('gone', 'summary', {})).rejects.toMatchObject({ code: 'STAFF_DISABLED' });
      await expect(call('nobody', 'me', {})).rejects.toMatchObject({ code: 'NOT_STAFF' });
      expect(storedOrNull(cloud, 'staff', 'o-nobody')).toBeNull();
    });
  });
});
