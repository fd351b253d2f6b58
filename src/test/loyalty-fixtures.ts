import { DAY_MS } from '~/core/calendar/durations';
import type { CentreCoupon, MyCoupon } from '~/types/functions/coupons';
import type { TierProgressView } from '~/types/functions/member';
import type { CheckInCalendar, PointsHistoryItem, PointsSummary } from '~/types/functions/points';
import type { RedemptionView, RewardView } from '~/types/functions/rewards';

/** 10:00 on 22 November 2026 in Shanghai. */
export const NOV_22 = Date.UTC(2026, 10, 22, 2);

const LADDER: TierProgressView['ladder'] = [
  { id: 'normal', name: '普通会员', entrySpendFen: 0, perks: ['消费1元得1积分', '生日礼券¥10'] },
  { id: 'silver', name: '银卡会员', entrySpendFen: 100_000, perks: ['会员价98折', '积分1.2倍'] },
  { id: 'gold', name: '金卡会员', entrySpendFen: 500_000, perks: ['会员价95折', '积分1.5倍'] },
  { id: 'diamond', name: '钻石会员', entrySpendFen: 2_000_000, perks: ['会员价9折', '积分2倍'] },
];

/** Tier progress of a silver member half way to gold; override what a test is about. */
export function tierProgress(overrides: Partial<TierProgressView> = {}): TierProgressView {
  return {
    current: { id: 'silver', name: '银卡会员', perks: ['会员价98折', '积分1.2倍'] },
    next: { id: 'gold', name: '金卡会员', entrySpendFen: 500_000 },
    spendFen: 300_000,
    toNextFen: 200_000,
    toKeepFen: 0,
    reviewAt: Date.UTC(2027, 2, 1, 4),
    downgradeAt: null,
    ladder: LADDER,
    history: [],
    ...overrides,
  };
}

export function pointsSummary(overrides: Partial<PointsSummary> = {}): PointsSummary {
  return {
    available: 1280,
    pending: 0,
    lifetimeEarned: 2000,
    pendingLots: [],
    expiring: [],
    nextExpiry: null,
    negative: false,
    ...overrides,
  };
}

export function historyItem(overrides: Partial<PointsHistoryItem> & Pick<PointsHistoryItem, 'id'>): PointsHistoryItem {
  return { kind: 'checkin', reason: '每日签到', available: 5, pending: 0, at: NOV_22, ...overrides };
}

export function checkInCalendar(overrides: Partial<CheckInCalendar> = {}): CheckInCalendar {
  return {
    month: '2026-11',
    days: ['2026-11-20', '2026-11-21'],
    streak: 2,
    lastDay: '2026-11-21',
    today: '2026-11-22',
    checkedInToday: false,
    currentStreak: 2,
    todayReward: { points: 5, bonus: 0 },
    daysToBonus: 5,
    rules: { dailyPoints: 5, streakDays: 7, streakBonusPoints: 20 },
    ...overrides,
  };
}

export function reward(overrides: Partial<RewardView> & Pick<RewardView, 'id' | 'title'>): RewardView {
  return {
    description: '',
    imageUrl: '',
    category: '周边',
    kind: 'pickup',
    pointsCost: 800,
    cashFen: 0,
    stockRemaining: 50,
    availableTo: null,
    blockedReason: null,
    pointsMissing: 0,
    ...overrides,
  };
}

export function redemption(overrides: Partial<RedemptionView> & Pick<RedemptionView, 'id'>): RedemptionView {
  return {
    rewardId: 'reward-tote',
    title: '品牌帆布袋',
    kind: 'pickup',
    pointsCost: 800,
    cashFen: 0,
    status: 'awaitingPickup',
    pickupCode: '77142410',
    couponInstanceId: null,
    createdAt: NOV_22,
    cancellable: true,
    ...overrides,
  };
}

export function centreCoupon(overrides: Partial<CentreCoupon> & Pick<CentreCoupon, 'templateId' | 'title'>): CentreCoupon {
  return {
    description: '全场通用',
    terms: { kind: 'cash', thresholdFen: 9_900, amountFen: 1_500 },
    face: { headline: '¥15', condition: '满99元可用' },
    validityText: '领取后7天内有效',
    audience: { type: 'all' },
    audienceText: null,
    totalStock: 500,
    stockRemaining: 499,
    perMemberLimit: 1,
    claimedCount: 0,
    canClaim: true,
    blockedBy: null,
    ...overrides,
  };
}

export function myCoupon(overrides: Partial<MyCoupon> & Pick<MyCoupon, 'instanceId' | 'title'>): MyCoupon {
  return {
    templateId: 'centre-99-15',
    description: '全场通用，特价商品除外',
    terms: { kind: 'cash', thresholdFen: 9_900, amountFen: 1_500 },
    face: { headline: '¥15', condition: '满99元可用' },
    stackingGroup: 'default',
    source: 'centre',
    state: 'usable',
    stateText: '可使用',
    validFrom: NOV_22,
    validTo: NOV_22 + 7 * DAY_MS,
    validityText: '2026.11.22 10:00 - 2026.11.28 23:59',
    issuedAt: NOV_22,
    usedAt: null,
    ...overrides,
  };
}
