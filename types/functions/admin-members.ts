import * as z from 'zod';
import type { ApprovalStatus } from '../approvals';
import type { CouponSource, CouponStatus } from '../coupons';
import type { Gender, TierChangeDoc, TierNotice, TierOverride } from '../documents';
import type { OrderStatus } from '../orders';
import type { LedgerKind, LedgerRef } from '../points';
import type { RedemptionDoc } from '../rewards';
import type { StoreSaleDoc } from '../staff';
import type { EpochMs, Fen, Points } from '../units';

const memberId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id');
/** Chosen by the admin page once per submission; a retry changes nothing twice. */
const requestKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -');
/** `adjust:<memberId>:<requestKey>`: the key of the adjustment the approval is for. */
const approvalId = z.string().regex(/^adjust:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{8,64}$/, 'must be an approval id');
const pageSize = z.number().int().min(1).max(100).default(20);
/** Opaque cursor from the previous page's `nextCursor`. */
const cursor = z.string().max(400).optional();

/** The lists of a member's detail, each paged on its own. */
export const MEMBER_RECORD_KINDS = [
  'ledger',
  'orders',
  'coupons',
  'redemptions',
  'checkIns',
  'visits',
  'tierHistory',
  'approvals',
] as const;
export type MemberRecordKind = (typeof MEMBER_RECORD_KINDS)[number];

/** The longest a tier override may last. */
export const MAX_OVERRIDE_DAYS = 3 * 366;

/** The member-desk actions of the `admin` function (search, detail, approvals, tier override), without `action` and `token`. */
export const adminMembersInputs = {
  /** One box: an 11-digit phone, a member number or its first or last digits, or the start of a nickname; `by` says which when it is not `auto`. */
  searchMembers: z.strictObject({
    query: z.string().trim().min(1).max(40),
    by: z.enum(['auto', 'phone', 'memberNo', 'nickname']).default('auto'),
    pageSize,
    cursor,
  }),
  getMemberDetail: z.strictObject({ memberId }),
  /** The next page of one list of the detail. */
  listMemberRecords: z.strictObject({ memberId, kind: z.enum(MEMBER_RECORD_KINDS), pageSize, cursor }),
  listApprovals: z.strictObject({ status: z.enum(['pending', 'approved', 'rejected', 'failed']).default('pending'), pageSize, cursor }),
  /** Another admin than the one who asked posts the adjustment; approving it again changes nothing. */
  approveAdjustment: z.strictObject({ approvalId }),
  rejectAdjustment: z.strictObject({ approvalId, note: z.string().trim().min(2).max(100) }),
  /** Sets the member's tier at once and holds it (`fixed`) or holds it up (`floor`) until `until`. */
  setTierOverride: z.strictObject({
    memberId,
    tierId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a tier id'),
    kind: z.enum(['floor', 'fixed']),
    until: z.number().int().positive(),
    reason: z.string().trim().min(2).max(100),
    requestKey,
  }),
};

/** A member as a search lists them; `phone` as the admin's role may see it. */
export interface MemberSearchRow {
  memberId: string;
  memberNo: string;
  nickname: string;
  phone: string | null;
  tierId: string;
  tierName: string;
  pointsAvailable: Points;
  status: 'active' | 'deleted';
  joinedAt: EpochMs;
}

/** A page of one list. */
export interface RecordPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A points adjustment waiting for (or past) a second admin's decision. */
export interface ApprovalView {
  id: string;
  memberId: string;
  memberNo: string;
  nickname: string;
  points: Points;
  reason: string;
  status: ApprovalStatus;
  requestedBy: string;
  requestedAt: EpochMs;
  decidedBy: string | null;
  decidedAt: EpochMs | null;
  note: string | null;
  entryId: string | null;
  /** Whether the admin who asked for this list may approve or reject it now (never their own request). */
  mayDecide: boolean;
}

export interface LedgerRow {
  id: string;
  kind: LedgerKind;
  reason: string;
  ref: LedgerRef;
  available: Points;
  pending: Points;
  balanceAfter: { available: Points; pending: Points };
  /** Which buckets or pending lots the entry moved, and by how much. */
  lots: { lotId: string; points: Points }[];
  at: EpochMs;
}

export interface OrderRow {
  id: string;
  orderNo: string;
  status: OrderStatus;
  /** The first line's title and how many more lines there are. */
  summary: string;
  payableFen: Fen;
  pointsUsed: Points;
  pointsToEarn: Points;
  refundedFen: Fen;
  deliveryMode: 'delivery' | 'pickup';
  createdAt: EpochMs;
  paidAt: EpochMs | null;
}

export interface CouponRow {
  id: string;
  title: string;
  description: string;
  source: CouponSource;
  status: CouponStatus;
  validFrom: EpochMs;
  validTo: EpochMs;
  issuedAt: EpochMs;
  usedAt: EpochMs | null;
  voidedAt: EpochMs | null;
  voidReason: string | null;
  voidedBy: string | null;
}

export interface RedemptionRow {
  id: string;
  title: string;
  kind: RedemptionDoc['kind'];
  pointsCost: Points;
  cashFen: Fen;
  status: RedemptionDoc['status'];
  createdAt: EpochMs;
  fulfilledAt: EpochMs | null;
  fulfilledStoreName: string | null;
}

export interface CheckInRow {
  /** Shanghai day, YYYY-MM-DD. */
  day: string;
  points: Points;
  streak: number;
  bonus: Points;
  at: EpochMs;
}

/** An in-store purchase (`store_sales`). */
export interface VisitRow {
  id: string;
  storeName: string;
  receiptNo: string;
  staffName: string;
  amountFen: Fen;
  paidFen: Fen;
  couponTitle: string | null;
  pointsUsed: Points;
  pointsEarned: Points;
  status: StoreSaleDoc['status'];
  at: EpochMs;
}

export interface TierChangeRow {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  reason: TierChangeDoc['reason'];
  spendFen: Fen;
  at: EpochMs;
}

/** Rows of each list, by kind. */
export interface MemberRecordRows {
  ledger: LedgerRow;
  orders: OrderRow;
  coupons: CouponRow;
  redemptions: RedemptionRow;
  checkIns: CheckInRow;
  visits: VisitRow;
  tierHistory: TierChangeRow;
  approvals: ApprovalView;
}

/** Everything the member desk shows of one member, each list's first page included. */
export interface MemberDetail {
  member: {
    memberId: string;
    memberNo: string;
    nickname: string;
    avatarUrl: string;
    gender: Gender;
    /** As the admin's role may see it: in full, masked, or null when the member gave none. */
    phone: string | null;
    birthday: string | null;
    marketingConsent: boolean;
    status: 'active' | 'deleted';
    joinedAt: EpochMs;
    lastPaidAt: EpochMs | null;
  };
  tier: {
    id: string;
    name: string;
    since: EpochMs;
    /** Qualifying spend in the rolling window ending now. */
    spendFen: Fen;
    next: { id: string; name: string } | null;
    toNextFen: Fen;
    toKeepFen: Fen;
    reviewAt: EpochMs;
    downgradeAt: EpochMs | null;
    notice: TierNotice | null;
    /** The admin's override while it lasts, with its tier's name. */
    override: (TierOverride & { tierName: string }) | null;
  };
  /** The ladder, lowest first, for choosing an override. */
  tiers: { id: string; name: string; rank: number }[];
  points: {
    available: Points;
    pending: Points;
    lifetimeEarned: Points;
    /** True after a refund took back points already spent. */
    negative: boolean;
    /** Available points by the month they expire, soonest first. */
    buckets: { id: string; points: Points; expiresAt: EpochMs }[];
    /** Purchase points in their return window; `availableAt` is null until delivery or pickup. */
    pendingLots: { id: string; points: Points; availableAt: EpochMs | null; entryId: string | null }[];
  };
  /** Adjustments of more points than this wait for a second admin. */
  approvalThreshold: Points;
  records: { [K in MemberRecordKind]: RecordPage<MemberRecordRows[K]> };
  /** What the signed-in admin's role may do here (the server checks each again). */
  can: { adjustPoints: boolean; setTierOverride: boolean; setMemberBirthday: boolean; voidCoupon: boolean; decideApprovals: boolean };
}

/** What an admin is told after adjusting points: posted at once, or waiting for a second admin. */
export type AdjustmentResult =
  | { status: 'posted'; entryId: string; available: Points; created: boolean }
  | { status: 'pending'; approval: ApprovalView; created: boolean };

export interface AdminMembersResponses {
  searchMembers: { by: 'phone' | 'memberNo' | 'memberNoPart' | 'nickname'; items: MemberSearchRow[]; nextCursor: string | null };
  getMemberDetail: MemberDetail;
  listMemberRecords: RecordPage<MemberRecordRows[MemberRecordKind]>;
  listApprovals: RecordPage<ApprovalView>;
  approveAdjustment: ApprovalView & { available: Points | null };
  rejectAdjustment: ApprovalView;
  setTierOverride: MemberDetail['tier'];
}
