import { MARKETING_DEFAULTS } from '../marketing/marketing-settings';
import type { SubscriptionTopic } from '~/types/notify';
import type { ProgrammeSettings, TierDoc } from '~/types/programme';

/**
 * The default programme (DESIGN.md section 4), installed for a new brand and then edited by its
 * admins; the code reads the stored copy and falls back to this only before it is installed.
 */
export const DEFAULT_TIERS: readonly TierDoc[] = [
  {
    _id: 'normal',
    name: '普通会员',
    rank: 0,
    entrySpendFen: 0,
    keepSpendFen: 0,
    pointsMultiplierPercent: 100,
    memberPricePercent: 100,
    birthdayCouponTemplateId: 'birthday-normal',
    freeShippingThresholdFen: null,
    perks: ['消费1元得1积分', '生日礼券¥10'],
  },
  {
    _id: 'silver',
    name: '银卡会员',
    rank: 1,
    entrySpendFen: 100_000,
    keepSpendFen: 80_000,
    pointsMultiplierPercent: 120,
    memberPricePercent: 98,
    birthdayCouponTemplateId: 'birthday-silver',
    freeShippingThresholdFen: 9_900,
    perks: ['会员价98折', '积分1.2倍', '生日礼券¥20', '满¥99包邮'],
  },
  {
    _id: 'gold',
    name: '金卡会员',
    rank: 2,
    entrySpendFen: 500_000,
    keepSpendFen: 400_000,
    pointsMultiplierPercent: 150,
    memberPricePercent: 95,
    birthdayCouponTemplateId: 'birthday-gold',
    freeShippingThresholdFen: 0,
    perks: ['会员价95折', '积分1.5倍', '生日礼券¥50', '全场包邮'],
  },
  {
    _id: 'diamond',
    name: '钻石会员',
    rank: 3,
    entrySpendFen: 2_000_000,
    keepSpendFen: 1_600_000,
    pointsMultiplierPercent: 200,
    memberPricePercent: 90,
    birthdayCouponTemplateId: 'birthday-diamond',
    freeShippingThresholdFen: 0,
    perks: ['会员价9折', '积分2倍', '生日礼券¥100', '全场包邮', '专属客服'],
  },
];

/** Days before a month's points expire that members are reminded, unless the stored programme says otherwise. */
export const DEFAULT_EXPIRY_NOTICE_DAYS = 7;

/** Points an admin may adjust alone, unless the stored programme says otherwise; a larger adjustment needs a second admin's approval. */
export const DEFAULT_APPROVAL_THRESHOLD = 1_000;

/** Placeholder subscription message template ids, until the brand picks its templates in the mini-program console. */
export const DEFAULT_MESSAGE_TEMPLATE_IDS: Readonly<Record<SubscriptionTopic, string>> = {
  tierChange: 'tier-change',
  tierAtRisk: 'tier-at-risk',
  birthdayCoupon: 'birthday-coupon',
  comebackCoupon: 'comeback-coupon',
  pointsExpiring: 'points-expiring',
};

export const DEFAULT_PROGRAMME: ProgrammeSettings = {
  _id: 'programme',
  points: {
    earnPerYuan: 1,
    pendingDays: 7,
    expiryMonths: 12,
    pointsPerYuan: 100,
    maxRedeemPercent: 50,
    expiryNoticeDays: DEFAULT_EXPIRY_NOTICE_DAYS,
    approvalThreshold: DEFAULT_APPROVAL_THRESHOLD,
  },
  checkIn: { dailyPoints: 5, streakDays: 7, streakBonusPoints: 20 },
  profileBonusPoints: 50,
  tierReview: { windowDays: 365, graceDays: 30, noticeDays: 14, maxDropPerReview: 1 },
  coupons: { welcomeTemplateId: 'welcome', comebackTemplateId: 'comeback', comebackAfterDays: 90, comebackCooldownDays: 180 },
  marketing: { rfmWindowDays: MARKETING_DEFAULTS.rfmWindowDays, lifecycle: { ...MARKETING_DEFAULTS.lifecycle } },
  messages: { templateIds: { ...DEFAULT_MESSAGE_TEMPLATE_IDS } },
};

/** The tier every new member starts in. */
export const ENTRY_TIER_ID = 'normal';

/** Display name of a tier id in the default ladder; unknown ids show as themselves. */
export function tierName(id: string): string {
  return DEFAULT_TIERS.find((tier) => tier._id === id)?.name ?? id;
}

/** Position of a tier in the default ladder (0 = entry tier); unknown ids rank lowest. */
export function tierRank(id: string): number {
  return DEFAULT_TIERS.find((tier) => tier._id === id)?.rank ?? 0;
}
