import { couponInstanceId, couponTemplateInput } from '~/types/functions/coupons';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '../tiers/default-programme';
import { COMEBACK_TEMPLATE_ID, DEFAULT_COUPON_TEMPLATES, defaultCouponTemplateDocs, WELCOME_TEMPLATE_ID } from './default-templates';
import { birthdayKey, campaignKey, centreClaimKey, comebackKey, rewardKey, welcomeKey } from './issue-keys';
import { buildTemplateDoc, templateProblems } from './template-rules';

const NOW = Date.UTC(2025, 5, 1);
const isTier = (id: string) => ['normal', 'silver', 'gold', 'diamond'].includes(id);

const base = couponTemplateInput.parse({
  title: '满199减30',
  terms: { kind: 'cash', thresholdFen: 19900, amountFen: 3000 },
  validity: { type: 'relative', days: 7 },
  totalStock: 500,
  channel: 'centre',
});

describe('coupon template rules', () => {
  it('fills the defaults of an input', () => {
    expect(base).toMatchObject({
      description: '',
      perMemberLimit: 1,
      stackingGroup: 'default',
      audience: { type: 'all' },
      status: 'active',
    });
    expect(templateProblems(base, NOW, isTier)).toEqual([]);
  });

  it('refuses a 满减 coupon that takes off its whole threshold, but allows no threshold', () => {
    const whole = { ...base, terms: { kind: 'cash' as const, thresholdFen: 1000, amountFen: 1000 } };
    expect(templateProblems(whole, NOW, isTier)).toEqual([
      { field: 'terms.amountFen', message: expect.stringContaining('less than thresholdFen') },
    ]);
    expect(templateProblems({ ...base, terms: { kind: 'cash', thresholdFen: 0, amountFen: 1000 } }, NOW, isTier)).toEqual([]);
  });

  it('refuses a fixed window that ends before it starts or is already over', () => {
    expect(templateProblems({ ...base, validity: { type: 'fixed', from: NOW + 10, to: NOW + 10 } }, NOW, isTier)).toEqual([
      { field: 'validity.to', message: 'must be after validity.from' },
    ]);
    expect(templateProblems({ ...base, validity: { type: 'fixed', from: NOW - 100, to: NOW } }, NOW, isTier)).toEqual([
      { field: 'validity.to', message: 'is already past' },
    ]);
  });

  it('refuses an audience tier the programme does not have', () => {
    expect(templateProblems({ ...base, audience: { type: 'minTier', tierId: 'platinum' } }, NOW, isTier)).toEqual([
      { field: 'audience.tierId', message: 'no tier platinum' },
    ]);
  });

  it('rejects malformed inputs in the schema', () => {
    const bad = [
      { ...base, terms: { kind: 'percent', thresholdFen: 0, percentOff: 100, capFen: null } },
      { ...base, terms: { kind: 'percent', thresholdFen: 0, percentOff: 12.5, capFen: null } },
      { ...base, terms: { kind: 'cash', thresholdFen: -1, amountFen: 100 } },
      { ...base, terms: { kind: 'cash', thresholdFen: 0, amountFen: 0 } },
      { ...base, terms: { kind: 'shipping', thresholdFen: 0, amountFen: 100 } },
      { ...base, validity: { type: 'relative', days: 0 } },
      { ...base, totalStock: 0 },
      { ...base, perMemberLimit: 101 },
      { ...base, title: '' },
      { ...base, stackingGroup: 'Has Spaces' },
      { ...base, templateId: 'UPPER' },
      { ...base, stockRemaining: 5 },
    ];
    for (const input of bad) expect(couponTemplateInput.safeParse(input).success).toBe(false);
  });

  it('stores a new template with its whole stock remaining', () => {
    expect(buildTemplateDoc(base, 'ct1', NOW)).toMatchObject({
      _id: 'ct1',
      totalStock: 500,
      stockRemaining: 500,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(buildTemplateDoc({ ...base, totalStock: null }, 'ct2', NOW)).toMatchObject({ totalStock: null, stockRemaining: null });
  });

  it('seeds the default programme: welcome ¥10 off ¥59, comeback ¥15 off ¥99, birthday ¥10/20/50/100 by tier', () => {
    for (const input of DEFAULT_COUPON_TEMPLATES) {
      expect(couponTemplateInput.parse(input)).toEqual(input);
      expect(templateProblems(input, NOW, isTier)).toEqual([]);
    }
    const docs = defaultCouponTemplateDocs(NOW);
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    expect(byId.get(WELCOME_TEMPLATE_ID)?.terms).toEqual({ kind: 'cash', thresholdFen: 5900, amountFen: 1000 });
    expect(byId.get('comeback')?.terms).toEqual({ kind: 'cash', thresholdFen: 9900, amountFen: 1500 });
    expect(DEFAULT_TIERS.map((tier) => byId.get(tier.birthdayCouponTemplateId ?? '')?.terms)).toEqual(
      [1000, 2000, 5000, 10000].map((amountFen) => ({ kind: 'cash', thresholdFen: 0, amountFen })),
    );
    expect(docs.every((doc) => doc.channel === 'system')).toBe(true);
  });

  it('names the templates the default programme refers to', () => {
    expect(DEFAULT_PROGRAMME.coupons).toMatchObject({ welcomeTemplateId: WELCOME_TEMPLATE_ID, comebackTemplateId: COMEBACK_TEMPLATE_ID });
    const ids = new Set(DEFAULT_COUPON_TEMPLATES.map((input) => input.templateId));
    for (const tier of DEFAULT_TIERS) expect(ids.has(tier.birthdayCouponTemplateId ?? '')).toBe(true);
  });

  it('makes issue keys that are valid instance ids', () => {
    const memberId = `m${'a'.repeat(24)}`;
    const keys = [
      centreClaimKey('ct0123456789abcdef', memberId, 'k'.repeat(64)),
      welcomeKey(memberId),
      birthdayKey(memberId, 2025),
      comebackKey(memberId, '2025-06-01'),
      campaignKey('double-eleven', memberId),
      rewardKey('r123'),
    ];
    for (const key of keys) expect(couponInstanceId.safeParse(key).success).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
