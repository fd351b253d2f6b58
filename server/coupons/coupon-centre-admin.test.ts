import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { DAY_MS } from '~/core/calendar/durations';
import { defaultCouponTemplateDocs } from '~/core/coupons/default-templates';
import { DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import { couponTemplateInput } from '~/types/functions/coupons';
import { adminRequests } from '~/types/functions/admin';
import type { RequestContext } from '../runtime/wx';
import { allStored, putStored, stored, storedOrNull } from '../../tests/support/stored';
import { OWNER_CLAIMS as OWNER } from '../../tests/support/owner-claims';
import { createCouponTemplate } from './create-coupon-template';
import { issueCouponsByMemberNo } from './issue-coupons-by-member-no';
import { issueTierCoupons } from './issue-tier-coupons';
import { listCouponRecords } from './list-coupon-records';
import { listCouponTemplates } from './list-coupon-templates';
import { lockCoupon } from './lock-coupon';
import { restoreCoupon } from './restore-coupon';
import { updateCouponTemplate } from './update-coupon-template';
import { useCoupon } from './use-coupon';
import { voidCoupon } from './void-coupon';

const NOW = Date.UTC(2026, 5, 10, 2);

describe('the coupon centre’s admin use-cases through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number, openid?: string) => RequestContext;
  let serial = 0;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    if (cloud.store.count('tiers') === 0) for (const tier of DEFAULT_TIERS) putStored(cloud, 'tiers', tier);
    if (cloud.store.count('coupon_templates') === 0)
      for (const doc of defaultCouponTemplateDocs(NOW - DAY_MS)) putStored(cloud, 'coupon_templates', doc);
  });
  afterAll(() => cloud?.stop());

  const member = (fields: Parameters<typeof addMember>[3] = {}) => {
    serial += 1;
    return addMember(cloud, `cc${serial.toString().padStart(4, '0')}`, NOW - 100 * DAY_MS, fields);
  };
  const auditOf = (action: string) => allStored(cloud, 'audit_log').filter((entry) => entry.action === action);

  async function newTemplate(fields: Partial<CouponTemplateInput> = {}): Promise<CouponTemplateDoc> {
    const input = couponTemplateInput.parse({
      title: '满99减10',
      terms: { kind: 'cash', thresholdFen: 9900, amountFen: 1000 },
      validity: { type: 'fixed', from: NOW - DAY_MS, to: NOW + 30 * DAY_MS },
      totalStock: 20,
      channel: 'system',
      ...fields,
    });
    return createCouponTemplate(ctx(NOW), input, OWNER);
  }

  it('edits the wording, the stock (never below what was issued) and the window end, with an audit entry, and nothing else', async () => {
    const template = await newTemplate();
    const people = [member(), member(), member()];
    await issueCouponsByMemberNo(
      ctx(NOW),
      { templateId: template._id, campaignId: 'edit-test', memberNos: people.map((m) => m.memberNo) },
      OWNER,
    );
    const edited = await updateCouponTemplate(
      ctx(NOW + 1),
      { templateId: template._id, title: '夏日券', totalStock: 25, validTo: NOW + 60 * DAY_MS },
      OWNER,
    );
    expect(edited).toMatchObject({ title: '夏日券', totalStock: 25, stockRemaining: 22, validity: { to: NOW + 60 * DAY_MS } });
    expect(stored(cloud, 'coupon_templates', template._id)).toMatchObject({ totalStock: 25, stockRemaining: 22, terms: template.terms });
    expect(auditOf('updateCouponTemplate').filter((entry) => entry.target.id === template._id)).toEqual([
      expect.objectContaining({
        before: { title: '满99减10', totalStock: 20, stockRemaining: 17, validity: template.validity },
        after: { title: '夏日券', totalStock: 25, stockRemaining: 22, validity: { ...template.validity, to: NOW + 60 * DAY_MS } },
      }),
    ]);

    await expect(updateCouponTemplate(ctx(NOW + 2), { templateId: template._id, totalStock: 2 }, OWNER)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    // The same values again change nothing and write no second entry.
    await updateCouponTemplate(ctx(NOW + 3), { templateId: template._id, title: '夏日券' }, OWNER);
    expect(auditOf('updateCouponTemplate').filter((entry) => entry.target.id === template._id)).toHaveLength(1);
    // Terms are not editable: the schema refuses them.
    const parsed = adminRequests.updateCouponTemplate.safeParse({
      action: 'updateCouponTemplate',
      token: 't'.repeat(20),
      templateId: template._id,
      terms: { kind: 'cash', thresholdFen: 0, amountFen: 5000 },
    });
    expect(parsed.success).toBe(false);
  });

  it('issues by member number once per member per campaign, naming the numbers that match nobody', async () => {
    const template = await newTemplate();
    const [a, b] = [member(), member()];
    const first = await issueCouponsByMemberNo(
      ctx(NOW),
      { templateId: template._id, campaignId: 'by-number', memberNos: [a.memberNo, '9999999999', b.memberNo, a.memberNo] },
      OWNER,
    );
    expect(first).toMatchObject({ issued: 2, alreadyHad: 0, failed: [], unknownMemberNos: ['9999999999'] });
    expect(first.results.map((result) => [result.memberNo, result.memberId, result.outcome])).toEqual([
      [a.memberNo, a._id, 'issued'],
      [b.memberNo, b._id, 'issued'],
    ]);
    const again = await issueCouponsByMemberNo(
      ctx(NOW + 1),
      { templateId: template._id, campaignId: 'by-number', memberNos: [b.memberNo, a.memberNo] },
      OWNER,
    );
    expect(again).toMatchObject({ issued: 0, alreadyHad: 2 });
    expect(stored(cloud, 'coupon_templates', template._id).stockRemaining).toBe(18);
    expect(auditOf('issueCouponsByMemberNo').length).toBeGreaterThanOrEqual(2);
  });

  it('sends to a whole tier in pages, each member once, and a page sent again issues nothing twice', async () => {
    const template = await newTemplate({ totalStock: 100 });
    const gold = Array.from({ length: 7 }, () => member({ tierId: 'gold' }));
    member({ tierId: 'silver' });
    member({ tierId: 'gold', status: 'deleted' });
    const send = (cursor?: string) =>
      issueTierCoupons(
        ctx(NOW),
        { templateId: template._id, campaignId: 'gold-day', tierId: 'gold', pageSize: 3, ...(cursor ? { cursor } : {}) },
        OWNER,
      );
    const pages = [];
    let cursor: string | null | undefined;
    do {
      const page = await send(cursor ?? undefined);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    const goldNow = allStored(cloud, 'members').filter((m) => m.tierId === 'gold');
    expect(pages.every((page) => page.total === goldNow.length)).toBe(true);
    expect(pages.reduce((sum, page) => sum + page.scanned, 0)).toBe(goldNow.length);
    const holders = allStored(cloud, 'coupon_instances').filter((coupon) => coupon.templateId === template._id);
    expect(holders.map((coupon) => coupon.memberId).sort()).toEqual(
      goldNow
        .filter((m) => m.status !== 'deleted')
        .map((m) => m._id)
        .sort(),
    );
    expect(holders.map((coupon) => coupon.memberId)).toEqual(expect.arrayContaining(gold.map((m) => m._id)));
    // Each coupon tells its member why they got it.
    expect(new Set(holders.map((coupon) => coupon.reason))).toEqual(new Set(['因为你是金卡会员']));

    const repeat = await send();
    expect(repeat.issued).toBe(0);
    expect(repeat.alreadyHad).toBe(Math.min(3, holders.length));
    expect(stored(cloud, 'coupon_templates', template._id).stockRemaining).toBe(100 - holders.length);
    expect(auditOf('issueTierCoupons').filter((entry) => entry.after?.templateId === template._id)).toHaveLength(1);
    await expect(send('not a cursor')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('counts issued, claimed, used, expired and voided coupons, and the discount used coupons gave', async () => {
    const template = await newTemplate({ totalStock: 50, validity: { type: 'relative', days: 3 } });
    const people = Array.from({ length: 5 }, () => member());
    await issueCouponsByMemberNo(
      ctx(NOW),
      { templateId: template._id, campaignId: 'stats', memberNos: people.map((m) => m.memberNo) },
      OWNER,
    );
    const coupons = allStored(cloud, 'coupon_instances').filter((coupon) => coupon.templateId === template._id);
    const [used, refunded, voided, claimed] = coupons as [
      (typeof coupons)[0],
      (typeof coupons)[0],
      (typeof coupons)[0],
      (typeof coupons)[0],
    ];
    for (const [coupon, order] of [
      [used, 'order-a'],
      [refunded, 'order-b'],
    ] as const) {
      const ref = { instanceId: coupon._id, memberId: coupon.memberId, orderId: order };
      await lockCoupon(ctx(NOW + 1), ref);
      await useCoupon(ctx(NOW + 2), ref, 1000);
      await useCoupon(ctx(NOW + 3), ref, 1000); // a retried payment counts once
    }
    await restoreCoupon(ctx(NOW + 4), { instanceId: refunded._id, memberId: refunded.memberId, orderId: 'order-b' });
    await voidCoupon(ctx(NOW + 5), { instanceId: voided._id, reason: '测试作废' }, OWNER);
    // A claimed coupon (the centre's source), as the claim flow writes it.
    cloud.store.atomically(() => {
      const doc = stored(cloud, 'coupon_instances', claimed._id);
      cloud.store.remove('coupon_instances', claimed._id);
      putStored(cloud, 'coupon_instances', { ...doc, source: 'centre' });
    });

    const later = NOW + 10 * DAY_MS; // every issued coupon's three days are over
    const rows = (await listCouponTemplates(ctx(later), { pageSize: 100 })).items;
    expect(rows.find((row) => row._id === template._id)?.stats).toEqual({
      issued: 5,
      claimed: 1,
      used: 1,
      expired: 3,
      voided: 1,
      discountFen: 1000,
    });
    expect(storedOrNull(cloud, 'coupon_instances', used._id)).toMatchObject({ status: 'used', discountFen: 1000 });

    const claims = await listCouponRecords(ctx(later), { templateId: template._id, kind: 'claims', pageSize: 2 });
    expect(claims.total).toBe(5);
    expect(claims.items).toHaveLength(2);
    const rest = [];
    for (let cursor = claims.nextCursor; cursor;) {
      const page = await listCouponRecords(ctx(later), { templateId: template._id, kind: 'claims', pageSize: 2, cursor });
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const everyId = [...claims.items, ...rest].map((row) => row.instanceId).sort();
    expect(everyId).toEqual(coupons.map((coupon) => coupon._id).sort());
    expect(claims.items[0]?.memberNo).toMatch(/^\d{10}$/);
    const uses = await listCouponRecords(ctx(later), { templateId: template._id, kind: 'uses', pageSize: 20 });
    expect(uses).toMatchObject({ total: 1, nextCursor: null, items: [{ instanceId: used._id, usedBy: 'order-a', discountFen: 1000 }] });
  });
});
