import type { EpochMs } from './units';

/**
 * `pickup_codes`, `_id` = the 6-digit code a member shows in store: which order or redemption it
 * hands over. Unique while in use; freed when the goods are handed over or the order refunded.
 */
export interface PickupCodeDoc {
  _id: string;
  orderId?: string;
  redemptionId?: string;
  createdAt: EpochMs;
}
