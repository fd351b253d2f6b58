import type { EpochMs, Fen, Points } from './units';

/** `rewards`: the points mall catalogue. */
export interface RewardDoc {
  _id: string;
  title: string;
  description: string;
  imageUrl: string;
  category: string;
  /** `pickup`: an item collected in store; `coupon`: a coupon issued at once; `pointsCash`: an item for points plus cash paid at pickup. */
  kind: 'pickup' | 'coupon' | 'pointsCash';
  pointsCost: Points;
  cashFen: Fen;
  couponTemplateId: string | null;
  totalStock: number;
  stockRemaining: number;
  perMemberLimit: number;
  availableFrom: EpochMs | null;
  availableTo: EpochMs | null;
  /** Lowest tier that may redeem; null = everyone. */
  minTierId: string | null;
  status: 'active' | 'paused' | 'ended';
  sort: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/**
 * Steps of a redemption, in this order (server/rewards/redemption-steps): `quota` and `stock` are
 * recorded as soon as taken, the points (`paid`) and the fulfilment (`done`) with the last record.
 * A redemption that stops part-way (a crash) is resumed from its last recorded step by a retry,
 * or by the unpaid-order sweep (job-cancel-unpaid) once it has been left a minute.
 */
export type RedemptionProgress = 'reserved' | 'quota' | 'stock' | 'paid' | 'done';

/** `redemptions`. `_id` is `redeem:<memberId>:<clientKey>`, so a retry finds the first one. */
export interface RedemptionDoc {
  _id: string;
  memberId: string;
  rewardId: string;
  title: string;
  kind: RewardDoc['kind'];
  pointsCost: Points;
  cashFen: Fen;
  /** `failing` and `cancelling` are on the way to `failed` and `cancelled`: what was taken is being given back. */
  status: 'processing' | 'awaitingPickup' | 'fulfilled' | 'issued' | 'cancelling' | 'cancelled' | 'failing' | 'failed';
  progress: RedemptionProgress;
  /** Why a redemption failed (an error code), once it has. */
  failure: string | null;
  pickupCode: string | null;
  couponInstanceId: string | null;
  /** Until when the request that created it owns it; after that a retry may resume it. */
  leaseUntil: EpochMs;
  /** Recorded steps whose counters were given back (by a failure or a cancel), so each goes back once. */
  givenBack?: Partial<Record<RedemptionProgress, true>>;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  fulfilledAt: EpochMs | null;
  /** Where and by whom a pickup reward was handed over, and the cash part collected then. */
  fulfilledStoreId?: string | null;
  fulfilledStoreName?: string | null;
  fulfilledBy?: string | null;
  cashCollectedFen?: Fen | null;
  cancelledAt: EpochMs | null;
}

/** `reward_quotas`, `_id` = `<rewardId>:<memberId>`: how many of a reward a member holds, against its per-member limit. */
export interface RewardQuotaDoc {
  _id: string;
  count: number;
}
