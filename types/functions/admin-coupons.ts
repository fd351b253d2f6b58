import * as z from 'zod';
import type { CouponInstanceDoc, CouponSource, CouponTemplateDoc } from '../coupons';
import type { ErrorCode } from '../errors';
import type { EpochMs, Fen } from '../units';
import { couponTemplateId } from './coupons';

const campaignSlug = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lowercase slug');
const epochMs = z.number().int().min(0).max(8_640_000_000_000);

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
  /**
   * Changes what is safe to change on a template: its wording, a higher (never below issued) total
   * stock, a later or earlier end of a fixed window, a higher per-member limit. Terms, audience and
   * channel stay as issued coupons have them.
   */
  updateCouponTemplate: z.strictObject({
    templateId: couponTemplateId,
    title: z.string().trim().min(1).max(24).optional(),
    description: z.string().trim().max(200).optional(),
    totalStock: z.number().int().min(1).max(10_000_000).optional(),
    /** The new last instant of a fixed window (claims and issuance stop after it). */
    validTo: epochMs.optional(),
    perMemberLimit: z.number().int().min(1).max(100).optional(),
  }),
  /** Issues a campaign's coupon to members named by their member numbers (pasted or read from a CSV file). */
  issueCouponsByMemberNo: z.strictObject({
    templateId: couponTemplateId,
    campaignId: campaignSlug,
    memberNos: z
      .array(z.string().regex(/^\d{4,20}$/, 'must be a member number'))
      .min(1)
      .max(200),
  }),
  /**
   * Issues a campaign's coupon to one page of a tier's members, after `cursor`; the page sends
   * the answer's `nextCursor` back until it is null. Once per member per campaign, so a page sent
   * again issues nothing twice.
   */
  issueTierCoupons: z.strictObject({
    templateId: couponTemplateId,
    campaignId: campaignSlug,
    tierId: campaignSlug,
    pageSize: z.number().int().min(1).max(500).default(200),
    cursor: z.string().max(200).optional(),
  }),
  /** One template's coupons: claimed and issued ones newest first, or used ones by time of use; with the total. */
  listCouponRecords: z.strictObject({
    templateId: couponTemplateId,
    kind: z.enum(['claims', 'uses']),
    pageSize: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional(),
  }),
};

/** A template's coupons by where they stand: counted by the database over indexes, the discount kept as a counter. */
export interface TemplateStats {
  /** Every coupon ever issued from the template, claimed or sent. */
  issued: number;
  /** Of those, claimed by members in the coupon centre. */
  claimed: number;
  used: number;
  /** Past their window unused (stored as expired, or still stored as issued). */
  expired: number;
  voided: number;
  /** What used coupons took off paid orders. */
  discountFen: Fen;
}

/** A template on the admin page: as stored, with the coupons issued from its stock (null when the stock is unlimited and nothing counts them). */
export interface CouponTemplateRow extends CouponTemplateDoc {
  issued: number | null;
  stats: TemplateStats;
}

/** One coupon of a template, as its claim and use records show it. */
export interface CouponRecordRow {
  instanceId: string;
  memberId: string;
  /** The member's number, or null when the member is gone. */
  memberNo: string | null;
  source: CouponSource;
  status: CouponInstanceDoc['status'];
  issuedAt: EpochMs;
  validTo: EpochMs;
  usedAt: EpochMs | null;
  /** The order that used it. */
  usedBy: string | null;
  discountFen: Fen | null;
  voidReason: string | null;
}

/** What one page of a tier send did, where it stopped and how far along it is. */
export interface TierSendPage {
  issued: number;
  alreadyHad: number;
  failed: { memberId: string; code: ErrorCode }[];
  /** Members of the tier this page went through. */
  scanned: number;
  /** Members of the tier now. */
  total: number;
  nextCursor: string | null;
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
  /** The member's number, when the send named members by number. */
  memberNo?: string;
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
  /** Member numbers of a send by number that name no member. */
  unknownMemberNos?: string[];
}

export interface AdminCouponsResponses {
  listCouponTemplates: { items: CouponTemplateRow[]; nextCursor: string | null };
  listTiers: { items: TierOption[] };
  updateCouponTemplate: CouponTemplateDoc;
  issueCouponsByMemberNo: CampaignOutcome;
  issueTierCoupons: TierSendPage;
  listCouponRecords: { items: CouponRecordRow[]; total: number; nextCursor: string | null };
}
