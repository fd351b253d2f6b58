import type { MemberPoints } from './points';
import type { EpochMs } from './units';

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
  /** `YYYY-MM-DD`; members set it once, afterwards only an admin can change it. */
  birthday: string | null;
  consent: { marketing: boolean; updatedAt: EpochMs | null };
  tierId: string;
  tierSince: EpochMs;
  points: MemberPoints;
  checkIn: { lastDay: string | null; streak: number };
  status: 'active' | 'deleted';
  joinedAt: EpochMs;
  /** When the member last paid for an order (set by the payment); absent or null before the first. */
  lastPaidAt?: EpochMs | null;
  updatedAt: EpochMs;
  deletedAt: EpochMs | null;
}

/** `admins` collection. `_id` is the login name. */
export interface AdminDoc {
  _id: string;
  role: 'owner' | 'operator';
  /** scrypt hash in the form `scrypt$N$r$p$saltB64$hashB64`. */
  passwordHash: string;
  createdAt: EpochMs;
  lastLoginAt?: EpochMs;
  /** Wrong passwords since the last good one. */
  failedLogins?: number;
  lockedUntil?: EpochMs;
}
