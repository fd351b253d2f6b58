import type { ApprovalDoc } from '~/types/approvals';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { AdminRole, MemberDoc, TierChangeDoc } from '~/types/documents';
import type {
  ApprovalView,
  CheckInRow,
  CouponRow,
  LedgerRow,
  MemberSearchRow,
  OrderRow,
  RedemptionRow,
  TierChangeRow,
  VisitRow,
} from '~/types/functions/admin-members';
import type { OrderDoc } from '~/types/orders';
import type { LedgerEntryDoc } from '~/types/points';
import type { RedemptionDoc } from '~/types/rewards';
import type { StoreSaleDoc } from '~/types/staff';
import { adminMay } from '../access/admin-permissions';
import { phoneFor } from '../access/member-data';
import { availableAt } from '../points/expiry';

/** A member as a search lists them, with the phone as `role` may see it. */
export function toMemberSearchRow(member: MemberDoc, role: AdminRole, now: number, tierName: (id: string) => string): MemberSearchRow {
  return {
    memberId: member._id,
    memberNo: member.memberNo,
    nickname: member.nickname,
    phone: phoneFor(role, member.phone),
    tierId: member.tierId,
    tierName: tierName(member.tierId),
    pointsAvailable: availableAt(member.points, now),
    status: member.status,
    joinedAt: member.joinedAt,
  };
}

/**
 * An approval as the admin `viewer` sees it: they may decide a pending one they did not ask for,
 * if their role may, and approve again one that was approved but not posted (its posting failed
 * on the way, and approving again finishes it).
 */
export function toApprovalView(approval: ApprovalDoc, viewer: { sub: string; role: AdminRole }): ApprovalView {
  return {
    id: approval._id,
    memberId: approval.memberId,
    memberNo: approval.memberNo,
    nickname: approval.nickname,
    points: approval.points,
    reason: approval.reason,
    status: approval.status,
    requestedBy: approval.requestedBy,
    requestedAt: approval.requestedAt,
    decidedBy: approval.decidedBy,
    decidedAt: approval.decidedAt,
    note: approval.note,
    entryId: approval.entryId,
    mayDecide:
      (approval.status === 'pending' || (approval.status === 'approved' && approval.entryId === null)) &&
      approval.requestedBy !== viewer.sub &&
      adminMay(viewer.role, 'approveAdjustment'),
  };
}

export function toLedgerRow(entry: LedgerEntryDoc): LedgerRow {
  return {
    id: entry._id,
    kind: entry.kind,
    reason: entry.reason,
    ref: entry.ref,
    available: entry.available,
    pending: entry.pending,
    balanceAfter: entry.balanceAfter,
    lots: entry.lots,
    at: entry.createdAt,
  };
}

export function toOrderRow(order: OrderDoc): OrderRow {
  const first = order.lines[0];
  const more = order.lines.length - 1;
  return {
    id: order._id,
    orderNo: order.orderNo,
    status: order.status,
    summary: first ? `${first.title}${more > 0 ? ` 等${order.lines.length}件` : ''}` : '',
    payableFen: order.payableFen,
    pointsUsed: order.pointsUsed,
    pointsToEarn: order.pointsToEarn,
    refundedFen: order.refundedFen,
    deliveryMode: order.delivery.mode,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
  };
}

export function toCouponRow(coupon: CouponInstanceDoc): CouponRow {
  return {
    id: coupon._id,
    title: coupon.title,
    description: coupon.description,
    source: coupon.source,
    status: coupon.status,
    validFrom: coupon.validFrom,
    validTo: coupon.validTo,
    issuedAt: coupon.issuedAt,
    usedAt: coupon.usedAt,
    voidedAt: coupon.voidedAt,
    voidReason: coupon.voidReason,
    voidedBy: coupon.voidedBy,
  };
}

export function toRedemptionRow(redemption: RedemptionDoc): RedemptionRow {
  return {
    id: redemption._id,
    title: redemption.title,
    kind: redemption.kind,
    pointsCost: redemption.pointsCost,
    cashFen: redemption.cashFen,
    status: redemption.status,
    createdAt: redemption.createdAt,
    fulfilledAt: redemption.fulfilledAt,
    fulfilledStoreName: redemption.fulfilledStoreName ?? null,
  };
}

/** A check-in from its ledger entry (`checkin:<memberId>:<day>`, with the day and streak in its details). */
export function toCheckInRow(entry: LedgerEntryDoc): CheckInRow {
  const details = entry.details ?? {};
  return {
    day: String(details.day ?? entry._id.split(':').pop()),
    points: entry.available,
    streak: Number(details.streak ?? 0),
    bonus: Number(details.bonus ?? 0),
    at: entry.createdAt,
  };
}

export function toVisitRow(sale: StoreSaleDoc): VisitRow {
  return {
    id: sale._id,
    storeName: sale.storeName,
    receiptNo: sale.receiptNo,
    staffName: sale.staffName,
    amountFen: sale.amountFen,
    paidFen: sale.paidFen,
    couponTitle: sale.couponTitle,
    pointsUsed: sale.pointsUsed,
    pointsEarned: sale.pointsEarned,
    status: sale.status,
    at: sale.createdAt,
  };
}

export function toTierChangeRow(change: TierChangeDoc, tierName: (id: string) => string): TierChangeRow {
  return {
    from: change.from,
    fromName: tierName(change.from),
    to: change.to,
    toName: tierName(change.to),
    reason: change.reason,
    spendFen: change.spendFen,
    at: change.at,
  };
}
