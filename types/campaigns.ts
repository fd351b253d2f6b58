import type { CampaignGroup, SegmentRule } from './marketing';
import type { EpochMs } from './units';

/** One coupon variant of a campaign and its share of the treated members (shares add up to 100). */
export interface CampaignVariant {
  key: Exclude<CampaignGroup, 'holdout'>;
  templateId: string;
  percent: number;
}

/**
 * `campaigns`: a coupon (and optionally a subscription message) sent to a frozen segment, with
 * a holdout group that receives nothing, chosen from the member id and the campaign id.
 */
export interface CampaignDoc {
  _id: string;
  name: string;
  segmentId: string;
  /** The segment's rule when the campaign was launched. */
  rule: SegmentRule;
  /** Shown to the member with the coupon, e.g. 因为你是金卡会员. */
  reason: string;
  /** Share of the segment held out, 0–50 %. */
  holdoutPercent: number;
  variants: CampaignVariant[];
  sendMessage: boolean;
  budget: {
    /** Coupons issued at most in all; null: no cap. */
    total: number | null;
    /** Coupons issued at most per Shanghai day. */
    perDay: number | null;
    /** Campaign coupons one member gets at most per calendar month, across every campaign. */
    perMemberPerMonth: number | null;
  };
  /** Days after launch over which results are measured. */
  resultDays: number;
  status: 'draft' | 'freezing' | 'sending' | 'sent' | 'stopped';
  /** Where freezing and sending have got to (a member id), for the job continuing it. */
  cursor: string | null;
  counts: { members: number; holdout: number; treated: number; issued: number; capped: number; failed: number };
  launchedAt: EpochMs | null;
  finishedAt: EpochMs | null;
  createdBy: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** `campaign_members`, `_id` = `<campaignId>:<memberId>`: the frozen segment, one per member, with its group. */
export interface CampaignMemberDoc {
  _id: string;
  campaignId: string;
  memberId: string;
  group: CampaignGroup;
  /** What became of the member's coupon: holdout members stay `held`. */
  state: 'held' | 'pending' | 'issued' | 'capped' | 'failed';
  couponId: string | null;
  frozenAt: EpochMs;
  issuedAt: EpochMs | null;
}

/**
 * `campaign_counters`: the budget counters, raised by guarded updates so concurrent sends never
 * pass a cap: `total:<campaignId>`, `day:<campaignId>:<YYYY-MM-DD>`, `member:<memberId>:<YYYY-MM>`.
 */
export interface CampaignCounterDoc {
  _id: string;
  count: number;
  /** Issue keys counted, so a retried issuance does not count twice. */
  keys: string[];
  updatedAt: EpochMs;
}
