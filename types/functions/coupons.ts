import * as z from 'zod';
import type { CouponAudience, CouponSource, CouponTerms } from '../coupons';
import type { EpochMs } from '../units';

/** A template id: a lowercase slug such as `welcome` or `birthday-gold`, or a generated `ct…` id. */
export const couponTemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'must be 2-32 lowercase letters, digits or dashes');
/** An instance id as answered by this function (the instance's issue key). */
export const couponInstanceId = z.string().regex(/^[A-Za-z0-9:_-]{1,160}$/, 'must be a coupon id from this function');
/** A key the client makes once per tap and sends again on a retry of the same tap. */
const clientKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, _ or -');
const pageSize = z.number().int().min(1).max(50).default(20);
/** Room for a page position of the longest instance id, base64-encoded. */
const cursor = z.string().max(400).optional();

/** Request schemas of the `coupons` function, one per action. The caller is always the member acted on. */
export const couponsRequests = {
  listCentre: z.strictObject({ action: z.literal('listCentre') }),
  claim: z.strictObject({ action: z.literal('claim'), templateId: couponTemplateId, clientKey }),
  listMine: z.strictObject({
    action: z.literal('listMine'),
    status: z.enum(['usable', 'used', 'expired']),
    pageSize,
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor,
  }),
  getMine: z.strictObject({ action: z.literal('getMine'), instanceId: couponInstanceId }),
};

const fen = z.number().int().min(0).max(100_000_000);
const epochMs = z.number().int().min(0).max(8_640_000_000_000);
const slug = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lowercase slug');

const couponTerms = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cash'), thresholdFen: fen, amountFen: fen.min(1) }),
  z.strictObject({
    kind: z.literal('percent'),
    thresholdFen: fen,
    percentOff: z.number().int().min(1).max(99),
    capFen: fen.min(1).nullable(),
  }),
  z.strictObject({ kind: z.literal('shipping'), thresholdFen: fen }),
]);

const couponValidity = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), from: epochMs, to: epochMs }),
  z.strictObject({ type: z.literal('relative'), days: z.number().int().min(1).max(3650) }),
]);

const couponAudience = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('all') }),
  z.strictObject({ type: z.literal('minTier'), tierId: slug }),
  z.strictObject({ type: z.literal('newMembers'), withinDays: z.number().int().min(1).max(365) }),
]);

/**
 * A new coupon template as an admin (or a seed) describes it. The admin function extends it
 * with `action` and `token`; `createCouponTemplate` adds the checks that span fields.
 */
export const couponTemplateInput = z.strictObject({
  /** A slug for a template that code finds by name (`welcome`); generated when omitted. */
  templateId: couponTemplateId.optional(),
  title: z.string().trim().min(1).max(24),
  description: z.string().trim().max(200).default(''),
  terms: couponTerms,
  validity: couponValidity,
  totalStock: z.number().int().min(1).max(10_000_000).nullable(),
  perMemberLimit: z.number().int().min(1).max(100).default(1),
  stackingGroup: slug.default('default'),
  audience: couponAudience.default({ type: 'all' }),
  channel: z.enum(['centre', 'system']),
  status: z.enum(['active', 'paused']).default('active'),
});

export type CouponTemplateInput = z.output<typeof couponTemplateInput>;

/** Payload of the admin action that pauses, resumes or ends a template. */
export const setCouponTemplateStatusInput = z.strictObject({
  templateId: couponTemplateId,
  status: z.enum(['active', 'paused', 'ended']),
});

/** Payload of the admin action that voids one member's coupon. */
export const voidCouponInput = z.strictObject({
  instanceId: couponInstanceId,
  reason: z.string().trim().min(1).max(100),
});

/** Payload of the admin action that issues a campaign's coupon to chosen members. */
export const issueCampaignCouponsInput = z.strictObject({
  templateId: couponTemplateId,
  /** Names the campaign; with the member id it is the issue key, so re-sending a campaign issues nothing twice. */
  campaignId: slug,
  memberIds: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
    .min(1)
    .max(100),
});

/** Why a coupon cannot be claimed, as a stable code and a sentence for the member. */
export interface ClaimBlock {
  code: 'NOT_A_MEMBER' | 'NOT_AVAILABLE' | 'NOT_ELIGIBLE' | 'OUT_OF_STOCK' | 'LIMIT_REACHED';
  reason: string;
}

/** How a coupon reads on its face: 「¥10」「满59元可用」, 「8.5折」「最高减¥50」, 「免运费」. */
export interface CouponFace {
  headline: string;
  condition: string;
}

/** A template as the coupon centre shows it to the caller. */
export interface CentreCoupon {
  templateId: string;
  title: string;
  description: string;
  terms: CouponTerms;
  face: CouponFace;
  /** 「领取后7天内有效」 or 「2025.06.01-2025.06.18」. */
  validityText: string;
  audience: CouponAudience;
  /** 「金卡会员及以上专享」「新会员专享」, or null for everyone. */
  audienceText: string | null;
  totalStock: number | null;
  stockRemaining: number | null;
  perMemberLimit: number;
  /** Claims the caller has made of this template. */
  claimedCount: number;
  canClaim: boolean;
  /** Null when `canClaim`. */
  blockedBy: ClaimBlock | null;
}

/** What a member sees of one of their coupons; `state` already accounts for the clock. */
export interface MyCoupon {
  instanceId: string;
  templateId: string;
  title: string;
  description: string;
  terms: CouponTerms;
  face: CouponFace;
  stackingGroup: string;
  source: CouponSource;
  /** `usable` now; `notStarted` before its window; `locked` by an unpaid order; `used`; `expired` (also when past its window); `voided` by the brand. */
  state: 'usable' | 'notStarted' | 'locked' | 'used' | 'expired' | 'voided';
  /** The state as a short label: 可使用, 未生效, 使用中, 已使用, 已过期, 已作废. */
  stateText: string;
  validFrom: EpochMs;
  validTo: EpochMs;
  /** 「2025.06.01 00:00 - 2025.06.07 23:59」 in Shanghai time. */
  validityText: string;
  issuedAt: EpochMs;
  usedAt: EpochMs | null;
  /** Why the member got it (a campaign's reason, e.g. 因为你是金卡会员); absent for other coupons. */
  reason?: string;
}

export interface CouponsResponses {
  listCentre: { items: CentreCoupon[] };
  claim: { coupon: MyCoupon; created: boolean };
  listMine: { items: MyCoupon[]; nextCursor: string | null };
  getMine: MyCoupon;
}
