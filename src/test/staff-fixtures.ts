import { MINUTE_MS } from '~/core/calendar/durations';
import type { DaySummary, DayTotals, MemberCard, PickupView, SaleQuote, SaleView, StaffMe } from '~/types/functions/staff';
import { myCoupon, NOV_22 } from './loyalty-fixtures';

/** A till session id: the 20-digit member code the scan consumed. */
export const SESSION_ID = '86024177350112345678';

export function staffMe(overrides: Partial<StaffMe> = {}): StaffMe {
  return { storeId: 'jingan', storeName: '静安店', role: 'cashier', nickname: '店员小林', ...overrides };
}

/** The card of a silver member with two coupons, one reward awaiting pickup and one earlier visit. */
export function memberCard(overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    sessionId: SESSION_ID,
    expiresAt: NOV_22 + 5 * MINUTE_MS,
    pointsUsableUntil: NOV_22 + 2 * MINUTE_MS,
    pointsUsed: false,
    member: {
      memberId: 'm_01',
      memberNo: '8602417735',
      nickname: '小悦',
      avatarUrl: '',
      phoneMasked: '138****8000',
      tier: { id: 'silver', name: '银卡会员', perks: ['会员价98折', '积分1.2倍'] },
      points: { available: 1280, pending: 45 },
    },
    coupons: [
      myCoupon({ instanceId: 'c1', title: '满99减15' }),
      myCoupon({
        instanceId: 'c2',
        title: '全场8.5折',
        terms: { kind: 'percent', thresholdFen: 0, percentOff: 15, capFen: 5_000 },
        face: { headline: '8.5折', condition: '最高减¥50' },
        description: '门店与线上通用',
      }),
    ],
    pickups: [{ redemptionId: 'r1', title: '品牌帆布袋', pointsCost: 800, cashFen: 1_000, pickupCode: '77142410', createdAt: NOV_22 }],
    visits: [
      {
        saleId: 'sale:jingan:A-1001',
        storeName: '静安店',
        amountFen: 12_800,
        paidFen: 11_300,
        pointsEarned: 135,
        at: NOV_22 - 3 * 24 * 60 * MINUTE_MS,
        status: 'recorded',
      },
    ],
    ...overrides,
  };
}

export function saleQuote(overrides: Partial<SaleQuote> = {}): SaleQuote {
  return {
    amountFen: 12_300,
    couponDiscountFen: 0,
    couponProblem: null,
    pointsUsed: 0,
    pointsFen: 0,
    maxPoints: 1_280,
    paidFen: 12_300,
    pointsToEarn: 147,
    ...overrides,
  };
}

export function saleView(overrides: Partial<SaleView> = {}): SaleView {
  return {
    saleId: 'sale:jingan:A-2001',
    receiptNo: 'A-2001',
    storeName: '静安店',
    staffName: '店员小林',
    amountFen: 12_300,
    couponTitle: null,
    couponDiscountFen: 0,
    pointsUsed: 0,
    pointsFen: 0,
    paidFen: 12_300,
    pointsEarned: 147,
    status: 'recorded',
    createdAt: NOV_22,
    reversedAt: null,
    ...overrides,
  };
}

export function pickupView(overrides: Partial<PickupView> = {}): PickupView {
  return {
    kind: 'reward',
    code: '77142410',
    refId: 'r1',
    title: '品牌帆布袋',
    items: [{ name: '品牌帆布袋', quantity: 1 }],
    memberNickname: '小悦',
    cashFen: 1_000,
    storeName: null,
    status: 'ready',
    handedOverAt: null,
    ...overrides,
  };
}

export function dayTotals(overrides: Partial<DayTotals> = {}): DayTotals {
  return {
    sales: 3,
    amountFen: 45_600,
    paidFen: 40_100,
    pointsIssued: 481,
    pointsRedeemed: 500,
    couponsWrittenOff: 1,
    pickups: 2,
    cashCollectedFen: 41_100,
    reversals: 0,
    ...overrides,
  };
}

export function daySummary(overrides: Partial<DaySummary> = {}): DaySummary {
  return {
    day: '2026-11-22',
    storeName: '静安店',
    mine: dayTotals(),
    store: null,
    recent: [{ ...saleView(), reversible: false }],
    ...overrides,
  };
}
