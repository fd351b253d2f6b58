import * as z from 'zod';
import type { CouponTemplateDoc } from '../coupons';
import type { ErrorCode } from '../errors';

/** The coupon-template list and the tiers it names, as actions of the `admin` function, without `action` and `token`. */
export const adminCouponsInputs = {
  /** Templates, newest first, narrowed by status and channel. */
  listCouponTemplates: z.strictObject({
    status: z.enum(['active', 'paused', 'ended']).optional(),
    channel: z.enum(['centre', 'system']).optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(400).optional(),
  }),
  /** The programme's tiers, lowest first, e.g. to name or choose a coupon audience. */
  listTiers: z.strictObject({}),
};

/** A template on the admin page: as stored, with the coupons issued from its stock (null when the stock is unlimited and nothing counts them). */
export interface CouponTemplateRow extends CouponTemplateDoc {
  issued: number | null;
}

/** A tier as a choice: its id, name and rank (0 = the entry tier). */
export interface TierOption {
  tierId: string;
  name: string;
  rank: number;
}

/** How one member of a campaign fared: issued now, already issued by an earlier send of the campaign, or refused with a code. */
export interface CampaignMemberResult {
  memberId: string;
  outcome: 'issued' | 'alreadyHad' | 'failed';
  /** Why the coupon was refused (NOT_FOUND, NOT_ELIGIBLE, OUT_OF_STOCK, NOT_AVAILABLE, …); null unless `failed`. */
  code: ErrorCode | null;
}

/** What a campaign send did: the counts, the refused members, and each member's result in the order sent. */
export interface CampaignOutcome {
  issued: number;
  /** Members who already had this campaign's coupon (a re-sent campaign). */
  alreadyHad: number;
  failed: { memberId: string; code: ErrorCode }[];
  results: CampaignMemberResult[];
}

export interface AdminCouponsResponses {
  listCouponTemplates: { items: CouponTemplateRow[]; nextCursor: string | null };
  listTiers: { items: TierOption[] };
}
