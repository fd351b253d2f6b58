import type { EpochMs, Points } from './units';

/** `members` collection. `_id` is an opaque member id; `openid` carries a unique index. */
export interface MemberDoc {
  _id: string;
  openid: string;
  /** Ten-digit number printed on the member card and typed in at the till. */
  memberNo: string;
  nickname: string;
  avatarUrl: string;
  tierId: string;
  points: { available: Points; pending: Points; lifetimeEarned: Points };
  joinedAt: EpochMs;
  updatedAt: EpochMs;
}

/** `admins` collection. `_id` is the login name. */
export interface AdminDoc {
  _id: string;
  role: 'owner' | 'operator';
  /** scrypt hash in the form `scrypt$N$r$p$saltB64$hashB64`. */
  passwordHash: string;
  createdAt: EpochMs;
  lastLoginAt?: EpochMs;
}
