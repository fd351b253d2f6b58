import type { CouponInstanceDoc, CouponTemplateDoc } from '~/types/coupons';
import { toCentreCoupon, toCouponTemplateRow, toMyCoupon } from './coupon-views';

const instance: CouponInstanceDoc = {
  _id: 'welcome:m1',
  issueKey: 'welcome:m1',
  memberId: 'm1',
  templateId: 'welcome',
  source: 'welcome',
  title: '新人专享券',
  description: '全场通用',
  terms: { kind: 'cash', thresholdFen: 5900, amountFen: 1000 },
  stackingGroup: 'default',
  validFrom: 1_000,
  validTo: 2_000,
  status: 'issued',
  lockedBy: 'order-secret',
  lockedAt: null,
  releasedBy: null,
  usedBy: null,
  usedAt: null,
  voidedAt: null,
  voidReason: 'internal note',
  voidedBy: 'admin',
  issuedAt: 1_000,
  updatedAt: 1_000,
};

describe('coupon views', () => {
  it('shows a member their coupon with its state at the moment, and nothing of orders or admin notes', () => {
    const view = toMyCoupon(instance, 2_001);
    expect(view).toMatchObject({
      instanceId: 'welcome:m1',
      state: 'expired',
      stateText: '已过期',
      face: { headline: '¥10', condition: '满59元可用' },
    });
    expect(JSON.stringify(view)).not.toMatch(/order-secret|internal note|admin/);
    expect(toMyCoupon(instance, 1_500)).toMatchObject({ state: 'usable', stateText: '可使用' });
  });

  it('carries a campaign coupon’s reason, and none for other coupons', () => {
    expect(toMyCoupon({ ...instance, source: 'campaign', reason: '好久不见' }, 1_500).reason).toBe('好久不见');
    expect(toMyCoupon(instance, 1_500)).not.toHaveProperty('reason');
  });

  it('shows a centre template with what the caller may do', () => {
    const template: CouponTemplateDoc = {
      _id: 'ct1',
      title: '金卡专享',
      description: '',
      terms: { kind: 'percent', thresholdFen: 0, percentOff: 20, capFen: 5000 },
      validity: { type: 'relative', days: 7 },
      totalStock: 10,
      stockRemaining: 0,
      perMemberLimit: 1,
      stackingGroup: 'default',
      audience: { type: 'minTier', tierId: 'gold' },
      channel: 'centre',
      status: 'active',
      createdAt: 0,
      updatedAt: 0,
    };
    const view = toCentreCoupon(template, 0, { code: 'OUT_OF_STOCK', reason: '已抢光' }, () => '金卡会员');
    expect(view).toMatchObject({
      templateId: 'ct1',
      face: { headline: '8折', condition: '无门槛，最高减50元' },
      validityText: '领取后7天内有效',
      audienceText: '金卡会员及以上专享',
      canClaim: false,
      blockedBy: { code: 'OUT_OF_STOCK', reason: '已抢光' },
    });
  });

  it('lists a template for the admin page with what its stock has issued', () => {
    const template: CouponTemplateDoc = {
      _id: 'ct2',
      title: '满99减10',
      description: '',
      terms: { kind: 'cash', thresholdFen: 9900, amountFen: 1000 },
      validity: { type: 'relative', days: 7 },
      totalStock: 100,
      stockRemaining: 63,
      perMemberLimit: 1,
      stackingGroup: 'default',
      audience: { type: 'all' },
      channel: 'centre',
      status: 'active',
      createdAt: 0,
      updatedAt: 0,
    };
    const stats = { issued: 37, claimed: 30, used: 5, expired: 2, voided: 1, discountFen: 5000 };
    expect(toCouponTemplateRow(template, stats)).toEqual({ ...template, issued: 37, stats });
    expect(toCouponTemplateRow({ ...template, totalStock: null, stockRemaining: null }, stats)).toMatchObject({
      stockRemaining: null,
      issued: null,
    });
  });
});
