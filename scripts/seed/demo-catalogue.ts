import { DAY_MS } from '~/core/calendar/durations';
import { buildTemplateDoc } from '~/core/coupons/template-rules';
import { newReward } from '~/core/rewards/new-reward';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { RewardDoc } from '~/types/rewards';

/** Coupon-centre coupons and a coupon sold in the points mall, for a fresh local cloud. */
export function demoCouponTemplates(now: number): CouponTemplateDoc[] {
  return [
    buildTemplateDoc(
      {
        title: '满99减15',
        description: '全场通用，领取后7天内有效',
        terms: { kind: 'cash', thresholdFen: 9_900, amountFen: 1_500 },
        validity: { type: 'relative', days: 7 },
        totalStock: 500,
        perMemberLimit: 1,
        stackingGroup: 'default',
        audience: { type: 'all' },
        channel: 'centre',
        status: 'active',
      },
      'centre-99-15',
      now,
    ),
    buildTemplateDoc(
      {
        title: '金卡专享9折',
        description: '金卡及以上会员可领，最高减¥50',
        terms: { kind: 'percent', thresholdFen: 0, percentOff: 10, capFen: 5_000 },
        validity: { type: 'fixed', from: now - DAY_MS, to: now + 30 * DAY_MS },
        totalStock: 200,
        perMemberLimit: 1,
        stackingGroup: 'default',
        audience: { type: 'minTier', tierId: 'gold' },
        channel: 'centre',
        status: 'active',
      },
      'centre-gold-90',
      now,
    ),
    buildTemplateDoc(
      {
        title: '免运费券',
        description: '任意订单免运费',
        terms: { kind: 'shipping', thresholdFen: 0 },
        validity: { type: 'relative', days: 15 },
        totalStock: null,
        perMemberLimit: 2,
        stackingGroup: 'shipping',
        audience: { type: 'all' },
        channel: 'centre',
        status: 'active',
      },
      'centre-free-shipping',
      now,
    ),
    buildTemplateDoc(
      {
        title: '¥20无门槛券',
        description: '积分商城兑换，30天内有效',
        terms: { kind: 'cash', thresholdFen: 0, amountFen: 2_000 },
        validity: { type: 'relative', days: 30 },
        totalStock: null,
        perMemberLimit: 10,
        stackingGroup: 'default',
        audience: { type: 'all' },
        channel: 'system',
        status: 'active',
      },
      'reward-20-off',
      now,
    ),
  ];
}

/** The demo points mall. */
export function demoRewards(now: number): RewardDoc[] {
  return [
    newReward(
      {
        _id: 'reward-tote',
        title: '品牌帆布袋',
        description: '门店自提，凭取货码领取',
        pointsCost: 800,
        category: '周边',
        sort: 1,
        totalStock: 50,
      },
      now,
    ),
    newReward(
      {
        _id: 'reward-coupon-20',
        title: '¥20无门槛券',
        description: '兑换后立即到账',
        kind: 'coupon',
        couponTemplateId: 'reward-20-off',
        pointsCost: 2_000,
        perMemberLimit: 5,
        category: '优惠券',
        sort: 2,
        totalStock: 1_000,
      },
      now,
    ),
    newReward(
      {
        _id: 'reward-mug',
        title: '限定马克杯',
        description: '积分+¥19.9，门店自提时付款',
        kind: 'pointsCash',
        pointsCost: 1_200,
        cashFen: 1_990,
        category: '周边',
        sort: 3,
        totalStock: 30,
      },
      now,
    ),
    newReward(
      {
        _id: 'reward-gift-box',
        title: '金卡专享礼盒',
        description: '金卡及以上会员专享，门店自提',
        pointsCost: 5_000,
        minTierId: 'gold',
        category: '专享',
        sort: 4,
        totalStock: 10,
      },
      now,
    ),
  ];
}
