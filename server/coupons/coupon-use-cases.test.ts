import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { defaultCouponTemplateDocs } from '~/core/coupons/default-templates';
import { birthdayKey, centreClaimKey, quotaId } from '~/core/coupons/issue-keys';
import type { CouponInstanceDoc, CouponQuotaDoc, CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import { couponsRequests, couponTemplateInput } from '~/types/functions/coupons';
import type { RequestContext } from '../runtime/wx';
import { claimCoupon } from './claim-coupon';
import { createCouponTemplate } from './create-coupon-template';
import { expireCoupons } from './expire-coupons';
import { issueCampaignCoupons } from './issue-campaign-coupons';
import { issueCoupon } from './issue-coupon';
import { issueWelcomeCoupon } from './issue-welcome-coupon';
import { listCouponCentre } from './list-coupon-centre';
import { listMyCoupons } from './list-my-coupons';
import { lockCoupon } from './lock-coupon';
import { releaseCoupon } from './release-coupon';
import { setCouponTemplateStatus } from './set-coupon-template-status';
import { useCoupon } from './use-coupon';
import { voidCoupon } from './void-coupon';

const NOW = Date.UTC(2026, 5, 10, 2); // 10:00 on 10 June in Shanghai
const DAY = 86_400_000;

describe('coupon use-cases through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number, openid?: string) => RequestContext;
  let serial = 0;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const read = <T>(collection: string, id: string) => {
    const row = cloud.store.get(collection, id);
    return row ? (cloud.store.parse(row) as unknown as T) : null;
  };
  const template = (id: string) => read<CouponTemplateDoc>('coupon_templates', id) as CouponTemplateDoc;
  const instancesOf = (templateId: string) =>
    cloud.store.count('coupon_instances', ["json_extract(doc, '$.templateId') = ?"], [templateId]);
  const member = (fields: Parameters<typeof addMember>[3] = {}) => {
    serial += 1;
    return addMember(cloud, `mc${serial}`, fields.joinedAt ?? NOW - 100 * DAY, fields);
  };
  const as = (m: { openid: string }, now = NOW) => ctx(now, m.openid);
  /** Client keys of the longest allowed length, so ids and page cursors are as long as they get. */
  const key = () => `key-${(serial += 1).toString().padStart(6, '0')}`.padEnd(64, 'k');

  async function newTemplate(fields: Partial<CouponTemplateInput> = {}): Promise<CouponTemplateDoc> {
    const input = couponTemplateInput.parse({
      title: '满199减30',
      terms: { kind: 'cash', thresholdFen: 19900, amountFen: 3000 },
      validity: { type: 'relative', days: 7 },
      totalStock: 100,
      channel: 'centre',
      ...fields,
    });
    return createCouponTemplate(input, ctx(NOW));
  }

  async function expectRejected(promise: Promise<unknown>, code: string, details?: Record<string, unknown>): Promise<void> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code, ...(details ? { details } : {}) });
  }

  describe('templates', () => {
    it('creates a template with its whole stock, and refuses a taken id or a rule broken across fields', async () => {
      const created = await newTemplate({ templateId: 'summer-sale' });
      expect(created).toMatchObject({ _id: 'summer-sale', totalStock: 100, stockRemaining: 100, status: 'active' });
      await expectRejected(newTemplate({ templateId: 'summer-sale' }), 'CONFLICT');
      await expectRejected(newTemplate({ terms: { kind: 'cash', thresholdFen: 1000, amountFen: 1000 } }), 'VALIDATION_FAILED', {
        field: 'terms.amountFen',
      });
      await expectRejected(newTemplate({ audience: { type: 'minTier', tierId: 'platinum' } }), 'VALIDATION_FAILED', {
        field: 'audience.tierId',
      });
      expect((await newTemplate())._id).toMatch(/^ct[0-9a-f]{16}$/);
    });

    it('pauses, resumes and ends a template; an ended one stays ended', async () => {
      const t = await newTemplate();
      const m = member();
      await setCouponTemplateStatus({ templateId: t._id, status: 'paused' }, ctx(NOW));
      await expectRejected(claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m)), 'NOT_AVAILABLE', {
        reason: '活动已暂停',
      });
      expect(await setCouponTemplateStatus({ templateId: t._id, status: 'paused' }, ctx(NOW))).toMatchObject({ status: 'paused' });
      await setCouponTemplateStatus({ templateId: t._id, status: 'active' }, ctx(NOW));
      expect((await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m))).created).toBe(true);
      await setCouponTemplateStatus({ templateId: t._id, status: 'ended' }, ctx(NOW));
      await expectRejected(setCouponTemplateStatus({ templateId: t._id, status: 'active' }, ctx(NOW)), 'INVALID_STATE', { state: 'ended' });
      await expectRejected(setCouponTemplateStatus({ templateId: 'nope', status: 'active' }, ctx(NOW)), 'NOT_FOUND');
    });
  });

  describe('claiming', () => {
    it('issues a coupon for the window of its template, and answers a retried tap with the same coupon', async () => {
      const t = await newTemplate({ perMemberLimit: 2 });
      const m = member();
      const clientKey = key();
      const first = await claimCoupon(m.openid, { templateId: t._id, clientKey }, as(m));
      expect(first).toMatchObject({
        created: true,
        coupon: { templateId: t._id, state: 'usable', face: { headline: '¥30', condition: '满199元可用' } },
      });
      // Seven Shanghai days from 10 June, day 1 included: to the end of 16 June, 15:59:59.999 UTC.
      expect(first.coupon.validTo).toBe(Date.UTC(2026, 5, 16, 15, 59, 59, 999));
      const again = await claimCoupon(m.openid, { templateId: t._id, clientKey }, as(m, NOW + 1000));
      expect(again).toEqual({ coupon: first.coupon, created: false });
      expect(template(t._id).stockRemaining).toBe(99);
      expect(read<CouponQuotaDoc>('coupon_quotas', quotaId(t._id, m._id))).toMatchObject({
        claimed: 1,
        claimKeys: [first.coupon.instanceId],
      });
    });

    it('stops a member at the limit without touching stock', async () => {
      const t = await newTemplate({ perMemberLimit: 2 });
      const m = member();
      await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m));
      await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m));
      await expectRejected(claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m)), 'LIMIT_REACHED', {
        reason: '每人限领2张，已领完',
      });
      expect(template(t._id).stockRemaining).toBe(98);
      expect(instancesOf(t._id)).toBe(2);
    });

    it('30 concurrent claims by one member on a limit of 3: exactly 3 coupons, and the stock of the refused ones comes back', async () => {
      const t = await newTemplate({ perMemberLimit: 3 });
      const m = member();
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, () => claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'LIMIT_REACHED' });
      expect(instancesOf(t._id)).toBe(3);
      expect(template(t._id).stockRemaining).toBe(97);
      expect(read<CouponQuotaDoc>('coupon_quotas', quotaId(t._id, m._id))?.claimed).toBe(3);
    });

    it('10 concurrent taps with one client key: one coupon, one unit of stock', async () => {
      const t = await newTemplate({ perMemberLimit: 5 });
      const m = member();
      const clientKey = key();
      const results = await Promise.all(Array.from({ length: 10 }, () => claimCoupon(m.openid, { templateId: t._id, clientKey }, as(m))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.coupon.instanceId)).size).toBe(1);
      expect(instancesOf(t._id)).toBe(1);
      expect(template(t._id).stockRemaining).toBe(99);
      expect(read<CouponQuotaDoc>('coupon_quotas', quotaId(t._id, m._id))?.claimed).toBe(1);
    });

    it('a retry after a crash between reserving the place and writing the coupon completes on the same place', async () => {
      const t = await newTemplate({ perMemberLimit: 1 });
      const m = member();
      const clientKey = key();
      const issueKey = centreClaimKey(t._id, m._id, clientKey);
      // The crashed attempt took a unit of stock and reserved the member's only place, then died.
      cloud.store.replace('coupon_templates', { ...template(t._id), stockRemaining: 99 });
      cloud.store.insert('coupon_quotas', {
        _id: quotaId(t._id, m._id),
        templateId: t._id,
        memberId: m._id,
        claimed: 1,
        claimKeys: [issueKey],
        updatedAt: NOW,
      });
      const retried = await claimCoupon(m.openid, { templateId: t._id, clientKey }, as(m));
      expect(retried).toMatchObject({ created: true, coupon: { instanceId: issueKey } });
      expect(read<CouponQuotaDoc>('coupon_quotas', quotaId(t._id, m._id))?.claimed).toBe(1);
      // The crashed attempt's unit stays taken: one coupon fewer is sold, never one more.
      expect(template(t._id).stockRemaining).toBe(98);
      await expectRejected(claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m)), 'LIMIT_REACHED', { reason: '已领取' });
    });

    it('sells out: 12 members at once on a stock of 5 get exactly 5 coupons', async () => {
      const t = await newTemplate({ totalStock: 5 });
      const members = Array.from({ length: 12 }, () => member());
      const results = await Promise.allSettled(members.map((m) => claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'OUT_OF_STOCK' });
      expect(template(t._id).stockRemaining).toBe(0);
      expect(instancesOf(t._id)).toBe(5);
    });

    it('keeps audiences: a tier and above, and new members within their first days', async () => {
      const gold = await newTemplate({ audience: { type: 'minTier', tierId: 'gold' } });
      const silver = member({ tierId: 'silver' });
      await expectRejected(claimCoupon(silver.openid, { templateId: gold._id, clientKey: key() }, as(silver)), 'NOT_ELIGIBLE', {
        reason: '仅限金卡会员及以上领取',
      });
      const diamond = member({ tierId: 'diamond' });
      expect((await claimCoupon(diamond.openid, { templateId: gold._id, clientKey: key() }, as(diamond))).created).toBe(true);

      const fresh = await newTemplate({ audience: { type: 'newMembers', withinDays: 7 } });
      const joinedToday = member({ joinedAt: NOW - 3600_000 });
      expect((await claimCoupon(joinedToday.openid, { templateId: fresh._id, clientKey: key() }, as(joinedToday))).created).toBe(true);
      const old = member();
      await expectRejected(claimCoupon(old.openid, { templateId: fresh._id, clientKey: key() }, as(old)), 'NOT_ELIGIBLE');
      expect(template(gold._id).stockRemaining).toBe(99);
    });

    it('does not show system templates in the centre, and a guest sees the centre with 加入会员后即可领取', async () => {
      const system = await newTemplate({ channel: 'system' });
      const m = member();
      await expectRejected(claimCoupon(m.openid, { templateId: system._id, clientKey: key() }, as(m)), 'NOT_FOUND');
      const centre = await listCouponCentre(m.openid, as(m));
      expect(centre.items.some((item) => item.templateId === system._id)).toBe(false);
      const guest = await listCouponCentre('o-guest', ctx(NOW, 'o-guest'));
      expect(guest.items.length).toBeGreaterThan(0);
      expect(guest.items.every((item) => !item.canClaim && item.blockedBy?.code === 'NOT_A_MEMBER')).toBe(true);
    });

    it('lists the centre with what the caller may still claim', async () => {
      const limited = await newTemplate({ perMemberLimit: 1, title: '限领一张' });
      const over = await newTemplate({ validity: { type: 'fixed', from: NOW - 10 * DAY, to: NOW + DAY } });
      const m = member();
      await claimCoupon(m.openid, { templateId: limited._id, clientKey: key() }, as(m));
      const { items } = await listCouponCentre(m.openid, as(m, NOW + 2 * DAY));
      expect(items.find((item) => item.templateId === limited._id)).toMatchObject({
        claimedCount: 1,
        canClaim: false,
        blockedBy: { code: 'LIMIT_REACHED', reason: '已领取' },
      });
      expect(items.some((item) => item.templateId === over._id)).toBe(false);
    });
  });

  describe('system issuance', () => {
    const seedDefaults = () => {
      for (const doc of defaultCouponTemplateDocs(NOW))
        if (!cloud.store.get('coupon_templates', doc._id)) cloud.store.insert('coupon_templates', { ...doc });
    };

    it('issues the welcome coupon once, only to new members, and nothing when no welcome template is stored', async () => {
      const newcomer = member({ joinedAt: NOW });
      expect(await issueWelcomeCoupon(newcomer._id, ctx(NOW))).toBeNull();
      seedDefaults();
      const first = await issueWelcomeCoupon(newcomer._id, ctx(NOW));
      expect(first).toMatchObject({
        _id: `welcome:${newcomer._id}`,
        source: 'welcome',
        terms: { kind: 'cash', thresholdFen: 5900, amountFen: 1000 },
      });
      expect(await issueWelcomeCoupon(newcomer._id, ctx(NOW + DAY))).toEqual(first);
      expect(await issueWelcomeCoupon(member()._id, ctx(NOW))).toBeNull();
    });

    it('issues a birthday coupon for the window around the birthday, once per year, and a retry answers the first', async () => {
      seedDefaults();
      const m = member({ tierId: 'gold' });
      const window = { validFrom: NOW + 3 * DAY, validTo: NOW + 33 * DAY };
      const input = {
        templateId: 'birthday-gold',
        memberId: m._id,
        source: 'birthday' as const,
        issueKey: birthdayKey(m._id, 2026),
        window,
      };
      const first = await issueCoupon(input, ctx(NOW));
      expect(first).toMatchObject({
        created: true,
        coupon: { validFrom: window.validFrom, validTo: window.validTo, terms: { amountFen: 5000 } },
      });
      expect(await issueCoupon({ ...input, templateId: 'birthday-diamond' }, ctx(NOW + 1))).toEqual({
        coupon: first.coupon,
        created: false,
      });
      await expectRejected(
        issueCoupon({ ...input, issueKey: birthdayKey(m._id, 2027), templateId: 'birthday-diamond' }, ctx(NOW)),
        'NOT_ELIGIBLE',
      );
      await expectRejected(issueCoupon({ ...input, issueKey: 'birthday:x', memberId: 'nobody' }, ctx(NOW)), 'NOT_FOUND');
      await expectRejected(
        issueCoupon({ ...input, issueKey: birthdayKey(m._id, 2025), window: { validFrom: NOW - 30 * DAY, validTo: NOW - DAY } }, ctx(NOW)),
        'NOT_AVAILABLE',
      );
    });

    it('issues a campaign once per member, reporting who could not get it', async () => {
      const t = await newTemplate({ channel: 'system', totalStock: 3 });
      const members = Array.from({ length: 4 }, () => member());
      const ids = [...members.map((m) => m._id), 'nobody'];
      const outcome = await issueCampaignCoupons({ templateId: t._id, campaignId: 'double-eleven', memberIds: ids }, ctx(NOW));
      expect(outcome.issued).toBe(3);
      expect(outcome.failed.map((f) => f.code).sort()).toEqual(['NOT_FOUND', 'OUT_OF_STOCK']);
      const resent = await issueCampaignCoupons({ templateId: t._id, campaignId: 'double-eleven', memberIds: ids }, ctx(NOW));
      expect(resent.alreadyHad).toBe(3);
      expect(instancesOf(t._id)).toBe(3);
      expect(template(t._id).stockRemaining).toBe(0);
    });
  });

  describe('checkout: lock, use, release', () => {
    async function couponFor(m: ReturnType<typeof member>, fields: Partial<CouponTemplateInput> = {}): Promise<string> {
      const t = await newTemplate({ totalStock: null, ...fields });
      return (await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m))).coupon.instanceId;
    }

    it('locks for one order, uses for that order, and answers repeats of either with the coupon as it is', async () => {
      const m = member();
      const id = await couponFor(m);
      const locked = await lockCoupon(id, m._id, 'order-1', ctx(NOW));
      expect(locked).toMatchObject({ status: 'locked', lockedBy: 'order-1', lockedAt: NOW });
      expect(await lockCoupon(id, m._id, 'order-1', ctx(NOW + 5))).toMatchObject({ status: 'locked', lockedAt: NOW });
      await expectRejected(lockCoupon(id, m._id, 'order-2', ctx(NOW)), 'INVALID_STATE', { state: 'locked' });
      await expectRejected(useCoupon(id, m._id, 'order-2', ctx(NOW)), 'INVALID_STATE', { state: 'locked' });
      const used = await useCoupon(id, m._id, 'order-1', ctx(NOW + 10));
      expect(used).toMatchObject({ status: 'used', usedBy: 'order-1', usedAt: NOW + 10 });
      expect(await useCoupon(id, m._id, 'order-1', ctx(NOW + 20))).toMatchObject({ status: 'used', usedAt: NOW + 10 });
      await expectRejected(releaseCoupon(id, m._id, 'order-1', ctx(NOW)), 'INVALID_STATE', { state: 'used' });
      await expectRejected(lockCoupon(id, m._id, 'order-3', ctx(NOW)), 'INVALID_STATE', { state: 'used' });
    });

    it('releases back to issued for the holding order only; a repeated release by that order is a no-op', async () => {
      const m = member();
      const id = await couponFor(m);
      await lockCoupon(id, m._id, 'order-a', ctx(NOW));
      await expectRejected(releaseCoupon(id, m._id, 'order-b', ctx(NOW)), 'INVALID_STATE', { state: 'locked' });
      expect(await releaseCoupon(id, m._id, 'order-a', ctx(NOW + 1))).toMatchObject({
        status: 'issued',
        lockedBy: null,
        releasedBy: 'order-a',
      });
      expect(await releaseCoupon(id, m._id, 'order-a', ctx(NOW + 2))).toMatchObject({ status: 'issued', updatedAt: NOW + 1 });
      await lockCoupon(id, m._id, 'order-b', ctx(NOW + 3));
      expect(await releaseCoupon(id, m._id, 'order-a', ctx(NOW + 4))).toMatchObject({ status: 'locked', lockedBy: 'order-b' });
      expect(read<CouponInstanceDoc>('coupon_instances', id)).toMatchObject({ status: 'locked', lockedBy: 'order-b' });
      await expectRejected(releaseCoupon(id, m._id, 'order-c', ctx(NOW)), 'INVALID_STATE');
    });

    it('lets only one of 10 racing orders lock a coupon', async () => {
      const m = member();
      const id = await couponFor(m);
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => lockCoupon(id, m._id, `race-${i}`, ctx(NOW))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('refuses coupons outside their window, another member’s coupon and an empty order id', async () => {
      const m = member();
      const id = await couponFor(m);
      await expectRejected(lockCoupon(id, m._id, 'late', ctx(NOW + 30 * DAY)), 'INVALID_STATE', { state: 'expired' });
      const later = await couponFor(m, { validity: { type: 'fixed', from: NOW + DAY, to: NOW + 5 * DAY } });
      await expectRejected(lockCoupon(later, m._id, 'early', ctx(NOW)), 'INVALID_STATE', { state: 'notStarted' });
      const other = member();
      await expectRejected(lockCoupon(id, other._id, 'theirs', ctx(NOW)), 'NOT_FOUND');
      await expectRejected(lockCoupon('centre:nope', m._id, 'x', ctx(NOW)), 'NOT_FOUND');
      await expectRejected(lockCoupon(id, m._id, '', ctx(NOW)), 'VALIDATION_FAILED');
      expect(read<CouponInstanceDoc>('coupon_instances', id)?.status).toBe('issued');
    });

    it('uses a locked coupon even after its window, as the order took it in time', async () => {
      const m = member();
      const id = await couponFor(m);
      await lockCoupon(id, m._id, 'slow-pay', ctx(NOW));
      expect(await useCoupon(id, m._id, 'slow-pay', ctx(NOW + 30 * DAY))).toMatchObject({ status: 'used' });
    });
  });

  describe('void, expiry and the wallet', () => {
    it('voids an issued coupon once, never one an order holds', async () => {
      const m = member();
      const t = await newTemplate({ totalStock: null, perMemberLimit: 2 });
      const a = (await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m))).coupon.instanceId;
      const b = (await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m))).coupon.instanceId;
      const voided = await voidCoupon({ instanceId: a, reason: '误发' }, 'admin', ctx(NOW));
      expect(voided).toMatchObject({ status: 'voided', voidReason: '误发', voidedBy: 'admin' });
      expect(await voidCoupon({ instanceId: a, reason: '再次' }, 'admin', ctx(NOW + 1))).toMatchObject({ voidReason: '误发' });
      await lockCoupon(b, m._id, 'held', ctx(NOW));
      await expectRejected(voidCoupon({ instanceId: b, reason: 'x' }, 'admin', ctx(NOW)), 'INVALID_STATE', { state: 'locked' });
      await expectRejected(voidCoupon({ instanceId: 'nope', reason: 'x' }, 'admin', ctx(NOW)), 'NOT_FOUND');
    });

    it('sorts a member’s coupons into wallet tabs by the clock, page by page', async () => {
      const m = member();
      const t = await newTemplate({ totalStock: null, perMemberLimit: 20 });
      const claim = async (now: number) =>
        (await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m, now))).coupon.instanceId;
      const usable = [await claim(NOW), await claim(NOW - DAY), await claim(NOW - 2 * DAY)];
      const locked = await claim(NOW);
      await lockCoupon(locked, m._id, 'pending-order', ctx(NOW));
      const used = await claim(NOW);
      await lockCoupon(used, m._id, 'paid-order', ctx(NOW));
      await useCoupon(used, m._id, 'paid-order', ctx(NOW));
      const lapsed = await claim(NOW - 9 * DAY);
      const storedExpired = await claim(NOW - 30 * DAY);
      await expireCoupons(ctx(NOW - 10 * DAY));
      const voided = await claim(NOW);
      await voidCoupon({ instanceId: voided, reason: '测试' }, 'admin', ctx(NOW));

      const all = async (status: 'usable' | 'used' | 'expired') => {
        const seen: { instanceId: string; state: string; validTo: number }[] = [];
        let cursor: string | undefined;
        do {
          const page = await listMyCoupons(m.openid, { status, pageSize: 2, cursor }, as(m));
          seen.push(...page.items);
          cursor = page.nextCursor ?? undefined;
          if (cursor) expect(couponsRequests.listMine.safeParse({ action: 'listMine', status, cursor }).success).toBe(true);
        } while (cursor);
        return seen;
      };
      const usableTab = await all('usable');
      expect(new Set(usableTab.map((c) => c.instanceId))).toEqual(new Set([...usable, locked]));
      expect(usableTab.map((c) => c.instanceId)).toHaveLength(4);
      expect(usableTab.map((c) => c.validTo)).toEqual(usableTab.map((c) => c.validTo).sort((a, b) => a - b));
      expect(usableTab[0]?.instanceId).toBe(usable[2]);
      expect(usableTab.find((c) => c.instanceId === locked)?.state).toBe('locked');
      expect((await all('used')).map((c) => c.instanceId)).toEqual([used]);
      const expiredTab = await all('expired');
      expect(new Set(expiredTab.map((c) => c.instanceId))).toEqual(new Set([lapsed, storedExpired, voided]));
      expect(Object.fromEntries(expiredTab.map((c) => [c.instanceId, c.state]))).toEqual({
        [lapsed]: 'expired',
        [storedExpired]: 'expired',
        [voided]: 'voided',
      });
      expect(read<CouponInstanceDoc>('coupon_instances', storedExpired)?.status).toBe('expired');
      expect(read<CouponInstanceDoc>('coupon_instances', lapsed)?.status).toBe('issued');
    });

    it('the expiry sweep stores expired on issued coupons past their window only', async () => {
      const m = member();
      const t = await newTemplate({ totalStock: null, perMemberLimit: 3 });
      const old = (await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m, NOW - 30 * DAY))).coupon.instanceId;
      const heldOld = (await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m, NOW - 30 * DAY))).coupon.instanceId;
      await lockCoupon(heldOld, m._id, 'old-order', ctx(NOW - 30 * DAY));
      const current = (await claimCoupon(m.openid, { templateId: t._id, clientKey: key() }, as(m))).coupon.instanceId;
      expect(await expireCoupons(ctx(NOW))).toBeGreaterThanOrEqual(1);
      expect(read<CouponInstanceDoc>('coupon_instances', old)?.status).toBe('expired');
      expect(read<CouponInstanceDoc>('coupon_instances', heldOld)?.status).toBe('locked');
      expect(read<CouponInstanceDoc>('coupon_instances', current)?.status).toBe('issued');
    });
  });
});
