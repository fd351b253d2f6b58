import type { ApprovalView, MemberDetail, MemberSearchRow } from '~/types/functions/admin-members';

/** 10:00 on 2025-03-01 in Asia/Shanghai. */
export const AT = Date.UTC(2025, 1, 28, 2, 0);

/** A member as a search lists them. */
export function searchRow(n: number, overrides: Partial<MemberSearchRow> = {}): MemberSearchRow {
  return {
    memberId: `m${n}`,
    memberNo: `41000001${String(n).padStart(2, '0')}`,
    nickname: `林小满${n}`,
    phone: '138****8000',
    tierId: 'silver',
    tierName: '银卡会员',
    pointsAvailable: 1_000 * n,
    status: 'active',
    joinedAt: AT,
    ...overrides,
  };
}

/** A pending points adjustment the viewer may decide. */
export function approvalView(n: number, overrides: Partial<ApprovalView> = {}): ApprovalView {
  return {
    id: `adjust:m${n}:desk-key-000${n}`,
    memberId: `m${n}`,
    memberNo: `41000001${String(n).padStart(2, '0')}`,
    nickname: `林小满${n}`,
    points: 5_000,
    reason: '大额补偿',
    status: 'pending',
    requestedBy: 'ops',
    requestedAt: AT,
    decidedBy: null,
    decidedAt: null,
    note: null,
    entryId: null,
    mayDecide: true,
    ...overrides,
  };
}

const empty = { items: [], nextCursor: null };

/** A member's detail as getMemberDetail answers it, with one row in most lists. */
export function memberDetail(overrides: Partial<MemberDetail> = {}): MemberDetail {
  return {
    member: {
      memberId: 'm1',
      memberNo: '4100000101',
      nickname: '林小满',
      avatarUrl: '',
      gender: 'female',
      phone: '138****8000',
      birthday: '1990-05-20',
      marketingConsent: true,
      status: 'active',
      joinedAt: AT,
      lastPaidAt: AT,
    },
    tier: {
      id: 'silver',
      name: '银卡会员',
      since: AT,
      spendFen: 120_000,
      next: { id: 'gold', name: '金卡会员' },
      toNextFen: 380_000,
      toKeepFen: 0,
      reviewAt: AT + 365 * 86_400_000,
      downgradeAt: null,
      notice: null,
      override: null,
    },
    tiers: [
      { id: 'normal', name: '普通会员', rank: 0 },
      { id: 'silver', name: '银卡会员', rank: 1 },
      { id: 'gold', name: '金卡会员', rank: 2 },
      { id: 'diamond', name: '钻石会员', rank: 3 },
    ],
    points: {
      available: 1_205,
      pending: 128,
      lifetimeEarned: 2_005,
      negative: false,
      buckets: [{ id: 'bucket:m1:2025-03', points: 1_205, expiresAt: Date.UTC(2026, 2, 31, 15, 59, 59) }],
      pendingLots: [{ id: 'pending:earn:order:o1', points: 128, availableAt: null, entryId: 'earn:order:o1' }],
    },
    approvalThreshold: 1_000,
    records: {
      ledger: {
        items: [
          {
            id: 'adjust:m1:k1',
            kind: 'adjust',
            reason: '积分调整：客服补偿',
            ref: { type: 'admin', id: 'help' },
            available: 1_000,
            pending: 0,
            balanceAfter: { available: 1_205, pending: 128 },
            lots: [{ lotId: 'bucket:m1:2025-03', points: 1_000 }],
            at: AT,
          },
        ],
        nextCursor: 'ledger-2',
      },
      orders: {
        items: [
          {
            id: 'o1',
            orderNo: '250301100000000001',
            status: 'paid',
            summary: '咖啡豆',
            payableFen: 12_800,
            pointsUsed: 0,
            pointsToEarn: 128,
            refundedFen: 0,
            deliveryMode: 'delivery',
            createdAt: AT,
            paidAt: AT,
          },
        ],
        nextCursor: null,
      },
      coupons: {
        items: [
          {
            id: 'welcome:m1',
            title: '新人券 满59减10',
            description: '',
            source: 'welcome',
            status: 'issued',
            validFrom: AT,
            validTo: AT + 30 * 86_400_000,
            issuedAt: AT,
            usedAt: null,
            voidedAt: null,
            voidReason: null,
            voidedBy: null,
          },
        ],
        nextCursor: null,
      },
      redemptions: empty,
      checkIns: { items: [{ day: '2025-03-01', points: 5, streak: 1, bonus: 0, at: AT }], nextCursor: null },
      visits: empty,
      tierHistory: empty,
      approvals: {
        items: [approvalView(1, { memberId: 'm1', nickname: '林小满', mayDecide: false, requestedBy: 'ops' })],
        nextCursor: null,
      },
    },
    can: { adjustPoints: true, setTierOverride: true, setMemberBirthday: true, voidCoupon: true, decideApprovals: true },
    ...overrides,
  };
}
