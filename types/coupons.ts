import type { ErrorCode } from './errors';
import type { EpochMs, Fen } from './units';

/**
 * What a coupon takes off, snapshotted onto every instance so later template edits never
 * change a coupon a member already holds.
 * - `cash`: a fixed amount off the goods, once the goods subtotal reaches `thresholdFen`
 *   (0 = no minimum spend; above 0 it is a 满减 coupon);
 * - `percent`: `percentOff` % off the goods (20 = 8折), rounded down to whole fen and never
 *   above `capFen` (null = no cap);
 * - `shipping`: the whole shipping fee, once the goods subtotal reaches `thresholdFen`.
 */
export type CouponTerms =
  | { kind: 'cash'; thresholdFen: Fen; amountFen: Fen }
  | { kind: 'percent'; thresholdFen: Fen; percentOff: number; capFen: Fen | null }
  | { kind: 'shipping'; thresholdFen: Fen };

export type CouponKind = CouponTerms['kind'];

/**
 * When an issued coupon may be used: a fixed window (both ends inclusive), or `days`
 * Asia/Shanghai calendar days counted from the day of issue as day 1, ending at
 * 23:59:59.999 Shanghai time of the last day.
 */
export type CouponValidity = { type: 'fixed'; from: EpochMs; to: EpochMs } | { type: 'relative'; days: number };

/** Who may receive a template's coupons: everyone, members of a tier or above, or members who joined within `withinDays` Shanghai calendar days (the join day is day 1). */
export type CouponAudience = { type: 'all' } | { type: 'minTier'; tierId: string } | { type: 'newMembers'; withinDays: number };

/** `centre`: members claim it in the coupon centre; `system`: only the platform issues it (welcome, birthday, comeback, campaigns, rewards). */
export type CouponChannel = 'centre' | 'system';

export type CouponTemplateStatus = 'active' | 'paused' | 'ended';

/** `coupon_templates` collection. `_id` is a slug (`welcome`, `birthday-gold`) or a generated `ct…` id. */
export interface CouponTemplateDoc {
  _id: string;
  /** Shown on the coupon, e.g. 新人专享券. */
  title: string;
  /** Usage notes shown on the coupon's detail, e.g. 全场通用，特价商品除外. */
  description: string;
  terms: CouponTerms;
  validity: CouponValidity;
  /** Coupons this template may ever issue; null = unlimited. */
  totalStock: number | null;
  /** Coupons still to issue; only ever changed by guarded increments. Null when unlimited. */
  stockRemaining: number | null;
  /** Coupons one member may claim in the coupon centre; system issuance is bounded by its issue key instead. */
  perMemberLimit: number;
  /** At most one goods coupon per group can be used on one order; shipping coupons stack with any goods coupon. */
  stackingGroup: string;
  audience: CouponAudience;
  channel: CouponChannel;
  status: CouponTemplateStatus;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /**
   * The discount this template's coupons have given on paid orders, moved by a guarded increment
   * right after the coupon's own guarded use (or return); absent until the first use.
   */
  usedDiscountFen?: Fen;
}

/**
 * Stored states of an instance. Releasing a locked coupon returns it to `issued`; a coupon
 * past `validTo` counts as expired even while its stored status still says `issued`.
 */
export type CouponStatus = 'issued' | 'locked' | 'used' | 'expired' | 'voided';

/** How an instance came to be: claimed in the centre, or issued by the platform. */
export type CouponSource = 'centre' | 'welcome' | 'birthday' | 'comeback' | 'campaign' | 'reward';

/**
 * `coupon_instances` collection: one coupon held by one member. `_id` is the issue key, so a
 * retried claim or issuance hits the duplicate key and answers the first instance.
 */
export interface CouponInstanceDoc {
  _id: string;
  /** The natural idempotency key of the grant, e.g. `welcome:<memberId>`; equal to `_id`. */
  issueKey: string;
  memberId: string;
  templateId: string;
  source: CouponSource;
  title: string;
  description: string;
  terms: CouponTerms;
  stackingGroup: string;
  validFrom: EpochMs;
  validTo: EpochMs;
  status: CouponStatus;
  /** The order holding the coupon while `locked` (kept once `used`); null while `issued`. */
  lockedBy: string | null;
  lockedAt: EpochMs | null;
  /** The last order that released the coupon, so a retried release by that order is a no-op. */
  releasedBy: string | null;
  /** The order that used the coupon. */
  usedBy: string | null;
  usedAt: EpochMs | null;
  /** What the coupon took off the order that used it (goods and shipping), written with `used`; absent before. */
  discountFen?: Fen;
  voidedAt: EpochMs | null;
  /** Why an admin voided the coupon, and who. */
  voidReason: string | null;
  voidedBy: string | null;
  issuedAt: EpochMs;
  updatedAt: EpochMs;
  /** Why the member got it, shown with the coupon (a campaign's reason, e.g. 因为你是金卡会员). */
  reason?: string;
}

/**
 * `coupon_quotas` collection: one member's coupon-centre claims of one template.
 * `_id` is `<templateId>:<memberId>`. `claimKeys` holds the issue key of every claim that
 * reserved a place, so a retried claim finds its own reservation instead of taking another;
 * `claimed` is its length, kept as a number so the limit can guard the update.
 */
export interface CouponQuotaDoc {
  _id: string;
  templateId: string;
  memberId: string;
  claimed: number;
  claimKeys: string[];
  updatedAt: EpochMs;
}

/**
 * `coupon_claims`: one ticket per claim key, written before any counter moves. Copies of one
 * claim (a double tap, a retry racing the first request) see the ticket and wait for the
 * first one's answer instead of competing with it for the last unit of stock.
 */
export interface ClaimTicketDoc {
  _id: string;
  state: 'open' | 'done' | 'failed';
  code: ErrorCode | null;
  reason: string | null;
  openedAt: EpochMs;
}
