import * as z from 'zod';
import type { RedemptionDoc, RewardDoc } from '../rewards';
import type { EpochMs, Fen, Points } from '../units';

const id = z.string().min(1).max(128);

/** Request schemas of the `rewards` function, one per action. */
export const rewardsRequests = {
  list: z.strictObject({ action: z.literal('list'), category: z.string().max(32).optional() }),
  redeem: z.strictObject({
    action: z.literal('redeem'),
    rewardId: id,
    /** Chosen by the client once per redeem tap; a retry with the same key gets the first answer. */
    clientKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -'),
  }),
  myRedemptions: z.strictObject({
    action: z.literal('myRedemptions'),
    pageSize: z.number().int().min(1).max(50).default(20),
    cursor: z.string().max(200).optional(),
  }),
  cancel: z.strictObject({ action: z.literal('cancel'), redemptionId: id }),
};

/** A reward as the points mall shows it to this member. */
export interface RewardView {
  id: string;
  title: string;
  description: string;
  imageUrl: string;
  category: string;
  kind: RewardDoc['kind'];
  pointsCost: Points;
  cashFen: Fen;
  stockRemaining: number;
  availableTo: EpochMs | null;
  /** Why this member cannot redeem it now, in Chinese (还差 N 积分 when only points are short); null when they can. */
  blockedReason: string | null;
  /** Points this member still needs for it; 0 when their balance covers it. */
  pointsMissing: Points;
}

/** A redemption as its member sees it. */
export interface RedemptionView {
  id: string;
  rewardId: string;
  title: string;
  kind: RedemptionDoc['kind'];
  pointsCost: Points;
  cashFen: Fen;
  status: RedemptionDoc['status'];
  pickupCode: string | null;
  couponInstanceId: string | null;
  createdAt: EpochMs;
  cancellable: boolean;
}

export interface RewardsResponses {
  list: { items: RewardView[] };
  redeem: RedemptionView;
  myRedemptions: { items: RedemptionView[]; nextCursor: string | null };
  cancel: RedemptionView;
}
