import type { EpochMs, Fen, Points } from './units';

/** A store staff role: cashiers serve members at the till; a manager also reverses sales and sees the store's day. */
export type StaffRole = 'cashier' | 'manager';

/** `staff`: `_id` is the OPENID the staff member is bound to, so identity is one read. */
export interface StaffDoc {
  _id: string;
  storeId: string;
  role: StaffRole;
  /** The member record of the bound WeChat user, and its nickname when bound (shown on summaries). */
  memberId: string;
  nickname: string;
  status: 'active' | 'disabled';
  /** The invite code that bound it, and the admin who created that invite. */
  inviteCode: string;
  invitedBy: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  disabledAt: EpochMs | null;
  disabledBy: string | null;
}

/** `staff_invites`: `_id` is the one-time code an admin hands to a new staff member. */
export interface StaffInviteDoc {
  _id: string;
  storeId: string;
  role: StaffRole;
  createdBy: string;
  createdAt: EpochMs;
  expiresAt: EpochMs;
  /** The OPENID that used it; null while unused. */
  usedBy: string | null;
  usedAt: EpochMs | null;
}

/**
 * `till_sessions`: `_id` is the member code a scan consumed, so a code opens at most one session
 * (a replayed or forwarded code hits the duplicate key). The session names the member for the
 * steps that follow, for a few minutes.
 */
export interface TillSessionDoc {
  _id: string;
  memberId: string;
  storeId: string;
  staffId: string;
  openedAt: EpochMs;
  expiresAt: EpochMs;
  /** Points may pay only while the scan is fresh, and for one purchase: the sale that used them. */
  pointsUsedBy: string | null;
}

/**
 * Steps of an in-store purchase (server/staff/sale-steps), in order: the coupon written off, the
 * session's points claimed, the points paid, then the earn, qualifying spend and audit entry.
 * Each is keyed by the sale, so a resume takes them again harmlessly and none is recorded on its own.
 */
export type SaleProgress = 'reserved' | 'coupon' | 'session' | 'paid' | 'done';

/** `store_sales`: one in-store purchase; `_id` is `sale:<storeId>:<receiptNo>`, so a receipt earns once. */
export interface StoreSaleDoc {
  _id: string;
  /**
   * What the sale's effects are keyed by (coupon, session, ledger, spend record, audit): the `_id`
   * for a receipt's first recording, `<_id>#<attempt>` after a recording of it failed, so a new
   * attempt never meets the keys of a failed one.
   */
  key: string;
  attempt: number;
  storeId: string;
  storeName: string;
  receiptNo: string;
  staffId: string;
  staffName: string;
  staffRole: StaffRole;
  memberId: string;
  /** The till session (the scanned code) it was recorded under. */
  sessionId: string;
  /** The receipt's total, before the coupon and points. */
  amountFen: Fen;
  couponInstanceId: string | null;
  couponTitle: string | null;
  couponDiscountFen: Fen;
  pointsUsed: Points;
  pointsFen: Fen;
  /** What the member pays at the till: amount − coupon − points. Earns points and qualifying spend. */
  paidFen: Fen;
  pointsEarned: Points;
  lines: { name: string; quantity: number; amountFen: Fen }[];
  /** Shanghai day of the sale (YYYY-MM-DD): a manager may reverse it only that day. */
  day: string;
  status: 'processing' | 'recorded' | 'failing' | 'failed' | 'reversing' | 'reversed';
  progress: SaleProgress;
  /** Why a sale failed (an error code and its message), once it has. */
  failure: string | null;
  failureMessage?: string;
  leaseUntil: EpochMs;
  givenBack?: Partial<Record<SaleProgress, true>>;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  reversedAt: EpochMs | null;
  reversedBy: string | null;
  reverseReason: string | null;
}

/** Who did something the audit log records. */
export interface AuditActor {
  kind: 'staff' | 'admin';
  /** The staff member's OPENID or the admin's username. */
  id: string;
  name: string;
  role: string;
  storeId: string | null;
}

/**
 * `audit_log`: append-only; `_id` is the natural key of the change it records
 * (`audit:sale:<saleId>`), so a retried change writes its entry once.
 */
export interface AuditEntryDoc {
  _id: string;
  actor: AuditActor;
  action: string;
  target: { type: string; id: string };
  memberId: string | null;
  storeId: string | null;
  /** Shanghai day (YYYY-MM-DD), for daily summaries. */
  day: string;
  /** Money and points the action moved, for summaries: amountFen, paidFen, cashFen, pointsEarned, pointsSpent. */
  amounts: Partial<Record<'amountFen' | 'paidFen' | 'cashFen' | 'couponDiscountFen' | 'pointsEarned' | 'pointsSpent', number>>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The invocation that made the change. */
  requestId?: string | null;
  at: EpochMs;
}
