import type { EpochMs } from './units';

/**
 * The pages a member can share. Sharing earns nothing: WeChat's platform rules forbid rewarding
 * a share (points, coupons or anything else), so a share is only attributed, never paid for.
 */
export const SHARE_PAGES = ['home', 'product', 'couponCentre', 'mall'] as const;
export type SharePage = (typeof SHARE_PAGES)[number];

/** A share code: 12 random URL-safe characters, so a link names its sharer without the member id or phone. */
export const SHARE_CODE_PATTERN = /^[A-Za-z0-9_-]{12}$/;

/** `share_codes`, `_id` = the member id: the member's one share code, made the first time they share. */
export interface ShareCodeDoc {
  _id: string;
  /** Indexed (unique): a shared link's `sharer` is looked up by it. */
  code: string;
  createdAt: EpochMs;
}

/**
 * `share_visits`, `_id` = `<sharerId>:<page>:<productId or ->:<visitor openid>`: someone opened a
 * member's shared link. The natural key makes reopening the same link by the same visitor one visit.
 */
export interface ShareVisitDoc {
  _id: string;
  /** The member whose link was opened. */
  sharerId: string;
  page: SharePage;
  productId: string | null;
  visitorOpenid: string;
  /** The visitor's member id, when they had joined at their first visit. */
  visitorMemberId: string | null;
  firstSeenAt: EpochMs;
}
