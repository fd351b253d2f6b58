import type { MemberPoints } from './points';
import type { EpochMs, Fen } from './units';

export type Gender = 'unknown' | 'male' | 'female';

/**
 * `members` collection. `_id` is an opaque member id; `openid` carries a unique index (after
 * deletion it becomes `deleted:<_id>`, so the person can join again as a new member).
 */
export interface MemberDoc {
  _id: string;
  openid: string;
  /** Ten-digit number printed on the member card and typed in at the till. */
  memberNo: string;
  nickname: string;
  avatarUrl: string;
  gender: Gender;
  phone: string | null;
  /**
   * The keyed hash of `phone` (core/members/phone-hash.ts), set with it and indexed, so an admin
   * finds a member by the whole number; null or absent without a phone.
   */
  phoneHash?: string | null;
  /** `memberNo` reversed, indexed: the last digits of a number are a prefix of it (absent on members made before it). */
  memberNoReversed?: string;
  /** `YYYY-MM-DD`; members set it once, afterwards only an admin can change it. */
  birthday: string | null;
  /**
   * `personalised` false: the member turned off personalised marketing (tag-targeted campaigns
   * and recommendations); absent means on. `personalisedAt`: when they last changed it.
   */
  consent: { marketing: boolean; updatedAt: EpochMs | null; personalised?: boolean; personalisedAt?: EpochMs | null };
  tierId: string;
  tierSince: EpochMs;
  points: MemberPoints;
  checkIn: { lastDay: string | null; streak: number };
  status: 'active' | 'deleted';
  joinedAt: EpochMs;
  /** When the member last paid for an order (set by the payment); absent or null before the first. */
  lastPaidAt?: EpochMs | null;
  /** `birthday` as month × 100 + day (1231 for 31 December), indexed so the birthday job reads only members whose birthday is near. */
  birthdayMonthDay?: number | null;
  /** The year whose birthday coupon the member was given; the birthday job passes them over until the next. */
  birthdayCouponYear?: number | null;
  /** When the tier review next looks at the member (indexed); absent or null: nothing to review. */
  tierReviewAt?: EpochMs | null;
  /** The at-risk notice of the member's last review: the drop happens at `downgradeAt` unless the spend recovers. */
  tierNotice?: TierNotice | null;
  /** A tier an admin set by hand until a date: the member's tier follows it while it lasts (core/tiers/override.ts). */
  tierOverride?: TierOverride | null;
  /** When the comeback job next looks at the member (indexed): 90 days after joining, then moved on by the job; null without marketing consent. */
  comebackDueAt?: EpochMs | null;
  /** When the member last got a comeback coupon (the cooldown counts from it). */
  comebackIssuedAt?: EpochMs | null;
  updatedAt: EpochMs;
  deletedAt: EpochMs | null;
}

/** A tier review found the member's spend short of keeping their tier and told them when they would drop. */
export interface TierNotice {
  /** The review (an anniversary of `tierSince`) the notice belongs to. */
  reviewAt: EpochMs;
  noticedAt: EpochMs;
  /** At least the programme's notice days after `noticedAt`, and not before the grace period ends. */
  downgradeAt: EpochMs;
}

/**
 * An admin's hand on a member's tier until `until`: `fixed` holds the tier whatever the spend
 * (no upgrade, no drop); `floor` lets the spend raise it but no review drops it below. When it
 * ends, the next review moves the member to the tier their spend keeps or reaches.
 */
export interface TierOverride {
  tierId: string;
  kind: 'floor' | 'fixed';
  until: EpochMs;
  reason: string;
  /** The admin who set it, and when. */
  by: string;
  at: EpochMs;
  /** The admin page's key of the request that set it: a retry finds it in place. */
  requestKey: string;
  /** The member's tier, and the override in force, just before it was set (for the audit entry). */
  fromTierId: string;
  replaced: { tierId: string; kind: 'floor' | 'fixed'; until: EpochMs } | null;
}

/** `admins` collection. `_id` is the login name. */
/** Roles of admin accounts: `storeManager` is scoped to one store (`AdminDoc.storeId`). */
export const ADMIN_ROLES = ['owner', 'operator', 'analyst', 'storeManager', 'support'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export interface AdminDoc {
  _id: string;
  role: AdminRole;
  /** The store a `storeManager` acts for; null for every other role. */
  storeId?: string | null;
  /** Disabled accounts cannot sign in; disabling ends their sessions. */
  status?: 'active' | 'disabled';
  /** Set for an account created with a one-time password: every action but changing it is refused until then. */
  mustChangePassword?: boolean;
  createdBy?: string | null;
  updatedAt?: EpochMs;
  /** scrypt hash in the form `scrypt$N$r$p$saltB64$hashB64`. */
  passwordHash: string;
  createdAt: EpochMs;
  lastLoginAt?: EpochMs;
}

/**
 * `admin_sessions`: one per sign-in; `_id` is the session id its token names. Every admin call
 * reads it, so logging out, disabling the account or changing its password or role (all of
 * which revoke it) take effect at once.
 */
export interface AdminSessionDoc {
  _id: string;
  adminId: string;
  role: AdminRole;
  storeId: string | null;
  mustChangePassword: boolean;
  createdAt: EpochMs;
  /** The session ends at `expiresAt` whatever happens, and earlier once idle past `idleUntil`. */
  expiresAt: EpochMs;
  idleUntil: EpochMs;
  revokedAt: EpochMs | null;
  /** Client address at sign-in, where the HTTP access service passed one. */
  clientIp: string | null;
}

/** `spend_records`: one per paid order or refund, what counts towards tiers in the rolling window. */
export interface SpendRecordDoc {
  _id: string;
  memberId: string;
  /** Paid amount after discounts, before shipping; negative for a refund. */
  amountFen: Fen;
  at: EpochMs;
}

/** `tier_history`: one per tier change of a member. */
export interface TierChangeDoc {
  _id: string;
  memberId: string;
  from: string;
  to: string;
  reason: 'upgrade' | 'review' | 'admin';
  spendFen: Fen;
  at: EpochMs;
}

/** `first_joins`, `_id` = a one-way key of the person: their first membership, kept after account deletion. */
export interface FirstJoinDoc {
  _id: string;
  memberId: string;
  at: EpochMs;
}

/**
 * `person_gifts`, `_id` = `<gift>:<person key>[:<period>]`: which membership had a once-per-person
 * gift (e.g. one year's birthday coupon), kept after account deletion with nothing that names the person.
 */
export interface PersonGiftDoc {
  _id: string;
  memberId: string;
  at: EpochMs;
}
