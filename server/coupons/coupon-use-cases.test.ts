import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { defaultCouponTemplateDocs } from '~/core/coupons/default-templates';
import { birthdayKey, centreClaimKey, quotaId } from '~/core/coupons/issue-keys';
import type { CouponTemplateDoc } from '~/types/coupons';
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
import { DAY_MS } from '~/core/calendar/durations';
import { allStored, putStored, storedOrNull } from '../../tests/support/stored';
import { auditEntry } from '../audit/write-audit';
import { adminActor } from '../staff/admin-actor';
import type { CollectionName } from '~/types/collections';
import { OWNER_CLAIMS as OWNER } from '../../tests/support/owner-claims';

const NOW = Date.UTC(2026, 5, 10, 2); // 10:00 on 10 June in Shanghai

describe('coupon use-cases through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number, openid?: string) => RequestContext;
  let serial = 0;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const read = <N extends CollectionName>(collection: N, id: string) => {
    return storedOrNull(cloud, collection, id);
  };
  const template = (id: string) => read('coupon_templates', id) as CouponTemplateDoc;
  const instancesOf = (templateId: string) =>
    cloud.store.count('coupon_instances', ["json_extract(doc, '$.templateId') = ?"], [templateId]);
  const member = (fields: Parameters<typeof addMember>[3] = {}) => {
    serial += 1;
    return addMember(cloud, `mc${serial}`, fields.joinedAt ?? NOW - 100 * DAY_MS, fields);
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
    return createCouponTemplate(ctx(NOW), input, OWNER);
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
      await setCouponTemplateStatus(ctx(NOW), { templateId: t._id, status: 'paused' }, OWNER);
      await expectRejected(claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() }), 'NOT_AVAILABLE', {
        reason: '活动已暂停',
      });
      expect(await setCouponTemplateStatus(ctx(NOW), { templateId: t._id, status: 'paused' }, OWNER)).toMatchObject({ status: 'paused' });
      await setCouponTemplateStatus(ctx(NOW), { templateId: t._id, status: 'active' }, OWNER);
      expect((await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })).created).toBe(true);
      await setCouponTemplateStatus(ctx(NOW), { templateId: t._id, status: 'ended' }, OWNER);
      await expectRejected(setCouponTemplateStatus(ctx(NOW), { templateId: t._id, status: 'active' }, OWNER), 'INVALID_STATE', {
        state: 'ended',
      });
      await expectRejected(setCouponTemplateStatus(ctx(NOW), { templateId: 'nope', status: 'active' }, OWNER), 'NOT_FOUND');
    });
  });

  describe('claiming', () => {
    it('issues a coupon for the window of its template, and answers a retried tap with the same coupon', async () => {
      const t = await newTemplate({ perMemberLimit: 2 });
      const m = member();
      const clientKey = key();
      const first = await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey });
      expect(first).toMatchObject({
        created: true,
        coupon: { templateId: t._id, state: 'usable', face: { headline: '¥30', condition: '满199元可用' } },
      });
      // Seven Shanghai days from 10 June, day 1 included: to the end of 16 June, 15:59:59.999 UTC.
      expect(first.coupon.validTo).toBe(Date.UTC(2026, 5, 16, 15, 59, 59, 999));
      const again = await claimCoupon(as(m, NOW + 1000), m.openid, { templateId: t._id, clientKey });
      expect(again).toEqual({ coupon: first.coupon, created: false });
      expect(template(t._id).stockRemaining).toBe(99);
      expect(read('coupon_quotas', quotaId(t._id, m._id))).toMatchObject({
        claimed: 1,
        claimKeys: [first.coupon.instanceId],
      });
    });

    it('stops a member at the limit without touching stock', async () => {
      const t = await newTemplate({ perMemberLimit: 2 });
      const m = member();
      await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() });
      await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() });
      await expectRejected(claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() }), 'LIMIT_REACHED', {
        reason: '每人限领2张，已领完',
      });
      expect(template(t._id).stockRemaining).toBe(98);
      expect(instancesOf(t._id)).toBe(2);
    });

    it('30 concurrent claims by one member on a limit of 3: exactly 3 coupons, and the stock of the refused ones comes back', async () => {
      const t = await newTemplate({ perMemberLimit: 3 });
      const m = member();
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, () => claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'LIMIT_REACHED' });
      expect(instancesOf(t._id)).toBe(3);
      expect(template(t._id).stockRemaining).toBe(97);
      expect(read('coupon_quotas', quotaId(t._id, m._id))?.claimed).toBe(3);
    });

    it('10 concurrent taps with one client key: one coupon, one unit of stock', async () => {
      const t = await newTemplate({ perMemberLimit: 5 });
      const m = member();
      const clientKey = key();
      const results = await Promise.all(Array.from({ length: 10 }, () => claimCoupon(as(m), m.openid, { templateId: t._id, clientKey })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.coupon.instanceId)).size).toBe(1);
      expect(instancesOf(t._id)).toBe(1);
      expect(template(t._id).stockRemaining).toBe(99);
      expect(read('coupon_quotas', quotaId(t._id, m._id))?.claimed).toBe(1);
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
      const retried = await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey });
      expect(retried).toMatchObject({ created: true, coupon: { instanceId: issueKey } });
      expect(read('coupon_quotas', quotaId(t._id, m._id))?.claimed).toBe(1);
      // The crashed attempt's unit stays taken: one coupon fewer is sold, never one more.
      expect(template(t._id).stockRemaining).toBe(98);
      await expectRejected(claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() }), 'LIMIT_REACHED', { reason: '已领取' });
    });

    it('sells out: 12 members at once on a stock of 5 get exactly 5 coupons', async () => {
      const t = await newTemplate({ totalStock: 5 });
      const members = Array.from({ length: 12 }, () => member());
      const results = await Promise.allSettled(members.map((m) => claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'OUT_OF_STOCK' });
      expect(template(t._id).stockRemaining).toBe(0);
      expect(instancesOf(t._id)).toBe(5);
    });

    it('keeps audiences: a tier and above, and new members within their first days', async () => {
      const gold = await newTemplate({ audience: { type: 'minTier', tierId: 'gold' } });
      const silver = member({ tierId: 'silver' });
      await expectRejected(claimCoupon(as(silver), silver.openid, { templateId: gold._id, clientKey: key() }), 'NOT_ELIGIBLE', {
        reason: '仅限金卡会员及以上领取',
      });
      const diamond = member({ tierId: 'diamond' });
      expect((await claimCoupon(as(diamond), diamond.openid, { templateId: gold._id, clientKey: key() })).created).toBe(true);

      const fresh = await newTemplate({ audience: { type: 'newMembers', withinDays: 7 } });
      const joinedToday = member({ joinedAt: NOW - 3600_000 });
      expect((await claimCoupon(as(joinedToday), joinedToday.openid, { templateId: fresh._id, clientKey: key() })).created).toBe(true);
      const old = member();
      await expectRejected(claimCoupon(as(old), old.openid, { templateId: fresh._id, clientKey: key() }), 'NOT_ELIGIBLE');
      expect(template(gold._id).stockRemaining).toBe(99);
    });

    it('does not show system templates in the centre, and a guest sees the centre with 加入会员后即可领取', async () => {
      const system = await newTemplate({ channel: 'system' });
      const m = member();
      await expectRejected(claimCoupon(as(m), m.openid, { templateId: system._id, clientKey: key() }), 'NOT_FOUND');
      const centre = await listCouponCentre(as(m), m.openid);
      expect(centre.items.some((item) => item.templateId === system._id)).toBe(false);
      const guest = await listCouponCentre(ctx(NOW, 'o-guest'), 'o-guest');
      expect(guest.items.length).toBeGreaterThan(0);
      expect(guest.items.every((item) => !item.canClaim && item.blockedBy?.code === 'NOT_A_MEMBER')).toBe(true);
    });

    it('lists the centre with what the caller may still claim', async () => {
      const limited = await newTemplate({ perMemberLimit: 1, title: '限领一张' });
      const over = await newTemplate({ validity: { type: 'fixed', from: NOW - 10 * DAY_MS, to: NOW + DAY_MS } });
      const m = member();
      await claimCoupon(as(m), m.openid, { templateId: limited._id, clientKey: key() });
      const { items } = await listCouponCentre(as(m, NOW + 2 * DAY_MS), m.openid);
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
      expect(await issueWelcomeCoupon(ctx(NOW), newcomer._id)).toBeNull();
      seedDefaults();
      const first = await issueWelcomeCoupon(ctx(NOW), newcomer._id);
      expect(first).toMatchObject({
        _id: `welcome:${newcomer._id}`,
        source: 'welcome',
        terms: { kind: 'cash', thresholdFen: 5900, amountFen: 1000 },
      });
      expect(await issueWelcomeCoupon(ctx(NOW + DAY_MS), newcomer._id)).toEqual(first);
      expect(await issueWelcomeCoupon(ctx(NOW), member()._id)).toBeNull();
    });

    it('issues a birthday coupon for the window around the birthday, once per year, and a retry answers the first', async () => {
      seedDefaults();
      const m = member({ tierId: 'gold' });
      const window = { validFrom: NOW + 3 * DAY_MS, validTo: NOW + 33 * DAY_MS };
      const input = {
        templateId: 'birthday-gold',
        memberId: m._id,
        source: 'birthday' as const,
        issueKey: birthdayKey(m._id, 2026),
        window,
      };
      const first = await issueCoupon(ctx(NOW), input);
      expect(first).toMatchObject({
        created: true,
        coupon: { validFrom: window.validFrom, validTo: window.validTo, terms: { amountFen: 5000 } },
      });
      expect(await issueCoupon(ctx(NOW + 1), { ...input, templateId: 'birthday-diamond' })).toEqual({
        coupon: first.coupon,
        created: false,
      });
      await expectRejected(
        issueCoupon(ctx(NOW), { ...input, issueKey: birthdayKey(m._id, 2027), templateId: 'birthday-diamond' }),
        'NOT_ELIGIBLE',
      );
      await expectRejected(issueCoupon(ctx(NOW), { ...input, issueKey: 'birthday:x', memberId: 'nobody' }), 'NOT_FOUND');
      await expectRejected(
        issueCoupon(ctx(NOW), {
          ...input,
          issueKey: birthdayKey(m._id, 2025),
          window: { validFrom: NOW - 30 * DAY_MS, validTo: NOW - DAY_MS },
        }),
        'NOT_AVAILABLE',
      );
    });

    it('issues a campaign once per member, reporting who could not get it', async () => {
      const t = await newTemplate({ channel: 'system', totalStock: 3 });
      const members = Array.from({ length: 4 }, () => member());
      const ids = [...members.map((m) => m._id), 'nobody'];
      const outcome = await issueCampaignCoupons(ctx(NOW), { templateId: t._id, campaignId: 'double-eleven', memberIds: ids }, OWNER);
      expect(outcome.issued).toBe(3);
      expect(outcome.failed.map((f) => f.code).sort()).toEqual(['NOT_FOUND', 'OUT_OF_STOCK']);
      const resent = await issueCampaignCoupons(ctx(NOW), { templateId: t._id, campaignId: 'double-eleven', memberIds: ids }, OWNER);
      expect(resent.alreadyHad).toBe(3);
      expect(instancesOf(t._id)).toBe(3);
      expect(template(t._id).stockRemaining).toBe(0);
    });
  });

  describe('checkout: lock, use, release', () => {
    async function couponFor(m: ReturnType<typeof member>, fields: Partial<CouponTemplateInput> = {}): Promise<string> {
      const t = await newTemplate({ totalStock: null, ...fields });
      return (await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
    }

    it('locks for one order, uses for that order, and answers repeats of either with the coupon as it is', async () => {
      const m = member();
      const id = await couponFor(m);
      const locked = await lockCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-1' });
      expect(locked).toMatchObject({ status: 'locked', lockedBy: 'order-1', lockedAt: NOW });
      expect(await lockCoupon(ctx(NOW + 5), { instanceId: id, memberId: m._id, orderId: 'order-1' })).toMatchObject({
        status: 'locked',
        lockedAt: NOW,
      });
      await expectRejected(lockCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-2' }), 'INVALID_STATE', {
        state: 'locked',
      });
      await expectRejected(useCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-2' }), 'INVALID_STATE', {
        state: 'locked',
      });
      const used = await useCoupon(ctx(NOW + 10), { instanceId: id, memberId: m._id, orderId: 'order-1' });
      expect(used).toMatchObject({ status: 'used', usedBy: 'order-1', usedAt: NOW + 10 });
      expect(await useCoupon(ctx(NOW + 20), { instanceId: id, memberId: m._id, orderId: 'order-1' })).toMatchObject({
        status: 'used',
        usedAt: NOW + 10,
      });
      await expectRejected(releaseCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-1' }), 'INVALID_STATE', {
        state: 'used',
      });
      await expectRejected(lockCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-3' }), 'INVALID_STATE', {
        state: 'used',
      });
    });

    it('releases back to issued for the holding order only; a repeated release by that order is a no-op', async () => {
      const m = member();
      const id = await couponFor(m);
      await lockCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-a' });
      await expectRejected(releaseCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-b' }), 'INVALID_STATE', {
        state: 'locked',
      });
      expect(await releaseCoupon(ctx(NOW + 1), { instanceId: id, memberId: m._id, orderId: 'order-a' })).toMatchObject({
        status: 'issued',
        lockedBy: null,
        releasedBy: 'order-a',
      });
      expect(await releaseCoupon(ctx(NOW + 2), { instanceId: id, memberId: m._id, orderId: 'order-a' })).toMatchObject({
        status: 'issued',
        updatedAt: NOW + 1,
      });
      await lockCoupon(ctx(NOW + 3), { instanceId: id, memberId: m._id, orderId: 'order-b' });
      expect(await releaseCoupon(ctx(NOW + 4), { instanceId: id, memberId: m._id, orderId: 'order-a' })).toMatchObject({
        status: 'locked',
        lockedBy: 'order-b',
      });
      expect(read('coupon_instances', id)).toMatchObject({ status: 'locked', lockedBy: 'order-b' });
      await expectRejected(releaseCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'order-c' }), 'INVALID_STATE');
    });

    it('lets only one of 10 racing orders lock a coupon', async () => {
      const m = member();
      const id = await couponFor(m);
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => lockCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: `race-${i}` })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('refuses coupons outside their window, another member’s coupon and an empty order id', async () => {
      const m = member();
      const id = await couponFor(m);
      await expectRejected(lockCoupon(ctx(NOW + 30 * DAY_MS), { instanceId: id, memberId: m._id, orderId: 'late' }), 'INVALID_STATE', {
        state: 'expired',
      });
      const later = await couponFor(m, { validity: { type: 'fixed', from: NOW + DAY_MS, to: NOW + 5 * DAY_MS } });
      await expectRejected(lockCoupon(ctx(NOW), { instanceId: later, memberId: m._id, orderId: 'early' }), 'INVALID_STATE', {
        state: 'notStarted',
      });
      const other = member();
      await expectRejected(lockCoupon(ctx(NOW), { instanceId: id, memberId: other._id, orderId: 'theirs' }), 'NOT_FOUND');
      await expectRejected(lockCoupon(ctx(NOW), { instanceId: 'centre:nope', memberId: m._id, orderId: 'x' }), 'NOT_FOUND');
      await expectRejected(lockCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: '' }), 'VALIDATION_FAILED');
      expect(read('coupon_instances', id)?.status).toBe('issued');
    });

    it('uses a locked coupon even after its window, as the order took it in time', async () => {
      const m = member();
      const id = await couponFor(m);
      await lockCoupon(ctx(NOW), { instanceId: id, memberId: m._id, orderId: 'slow-pay' });
      expect(await useCoupon(ctx(NOW + 30 * DAY_MS), { instanceId: id, memberId: m._id, orderId: 'slow-pay' })).toMatchObject({
        status: 'used',
      });
    });
  });

  describe('void, expiry and the wallet', () => {
    it('voids an issued coupon once, never one an order holds', async () => {
      const m = member();
      const t = await newTemplate({ totalStock: null, perMemberLimit: 2 });
      const a = (await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
      const b = (await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
      const voided = await voidCoupon(ctx(NOW), { instanceId: a, reason: '误发' }, OWNER);
      expect(voided).toMatchObject({ status: 'voided', voidReason: '误发', voidedBy: 'admin' });
      expect(await voidCoupon(ctx(NOW + 1), { instanceId: a, reason: '再次' }, OWNER)).toMatchObject({ voidReason: '误发' });
      await lockCoupon(ctx(NOW), { instanceId: b, memberId: m._id, orderId: 'held' });
      await expectRejected(voidCoupon(ctx(NOW), { instanceId: b, reason: 'x' }, OWNER), 'INVALID_STATE', { state: 'locked' });
      await expectRejected(voidCoupon(ctx(NOW), { instanceId: 'nope', reason: 'x' }, OWNER), 'NOT_FOUND');
      expect(allStored(cloud, 'audit_log').filter((entry) => entry.target.id === a)).toEqual([
        expect.objectContaining({ action: 'voidCoupon', before: { status: 'issued' }, after: { status: 'voided', reason: '误发' } }),
      ]);
    });

    it('voids a coupon and writes its audit entry in one step: an entry that cannot be written leaves the coupon as it was', async () => {
      const m = member();
      const t = await newTemplate({ totalStock: null });
      const id = (await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
      // The entry's key taken by a stray document: the transaction cannot append it, so it changes nothing.
      const stray = auditEntry(ctx(NOW), {
        _id: `audit:voidCoupon:${id}`,
        actor: adminActor(OWNER),
        action: 'x',
        target: { type: 'x', id: 'x' },
      });
      putStored(cloud, 'audit_log', stray);
      await expect(voidCoupon(ctx(NOW), { instanceId: id, reason: '误发' }, OWNER)).rejects.toThrow(/duplicate/i);
      expect(read('coupon_instances', id)).toMatchObject({ status: 'issued' });
    });

    it('sorts a member’s coupons into wallet tabs by the clock, page by page', async () => {
      const m = member();
      const t = await newTemplate({ totalStock: null, perMemberLimit: 20 });
      const claim = async (now: number) =>
        (await claimCoupon(as(m, now), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
      const usable = [await claim(NOW), await claim(NOW - DAY_MS), await claim(NOW - 2 * DAY_MS)];
      const locked = await claim(NOW);
      await lockCoupon(ctx(NOW), { instanceId: locked, memberId: m._id, orderId: 'pending-order' });
      const used = await claim(NOW);
      await lockCoupon(ctx(NOW), { instanceId: used, memberId: m._id, orderId: 'paid-order' });
      await useCoupon(ctx(NOW), { instanceId: used, memberId: m._id, orderId: 'paid-order' });
      const lapsed = await claim(NOW - 9 * DAY_MS);
      const storedExpired = await claim(NOW - 30 * DAY_MS);
      await expireCoupons(ctx(NOW - 10 * DAY_MS));
      const voided = await claim(NOW);
      await voidCoupon(ctx(NOW), { instanceId: voided, reason: '测试' }, OWNER);

      const all = async (status: 'usable' | 'used' | 'expired') => {
        const seen: { instanceId: string; state: string; validTo: number }[] = [];
        let cursor: string | undefined;
        do {
          const page = await listMyCoupons(as(m), m.openid, { status, pageSize: 2, cursor });
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
      expect(read('coupon_instances', storedExpired)?.status).toBe('expired');
      expect(read('coupon_instances', lapsed)?.status).toBe('issued');
    });

    it('the expiry sweep stores expired on issued coupons past their window only', async () => {
      const m = member();
      const t = await newTemplate({ totalStock: null, perMemberLimit: 3 });
      const old = (await claimCoupon(as(m, NOW - 30 * DAY_MS), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
      const heldOld = (await claimCoupon(as(m, NOW - 30 * DAY_MS), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
      await lockCoupon(ctx(NOW - 30 * DAY_MS), { instanceId: heldOld, memberId: m._id, orderId: 'old-order' });
      const current = (await claimCoupon(as(m), m.openid, { templateId: t._id, clientKey: key() })).coupon.instanceId;
      expect(await expireCoupons(ctx(NOW))).toBeGreaterThanOrEqual(1);
      expect(read('coupon_instances', old)?.status).toBe('expired');
      expect(read('coupon_instances', heldOld)?.status).toBe('locked');
      expect(read('coupon_instances', current)?.status).toBe('issued');
    });
  });
});
