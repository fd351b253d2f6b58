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
  /** The results as the job last computed them (null before launch). */
  results?: CampaignResults | null;
  /** Until when job-run-campaigns refreshes `results` (a day past the window); absent before launch. */
  resultsUntil?: EpochMs | null;
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

/** A figure with its 95 % confidence interval (null bounds when the sample is too small to tell). */
export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** One group's figures over the result window (money in fen). */
export interface CampaignGroupResult {
  group: CampaignGroup | 'treated';
  members: number;
  /** Share of the group's members who used the campaign coupon in the window (treated groups only; null for the holdout). */
  couponUseRate: Estimate | null;
  /** Share of members with at least one purchase in the window. */
  conversion: Estimate;
  /** Share of members with at least two purchases in the window. */
  repurchase: Estimate;
  gmvFen: number;
  gmvPerMemberFen: Estimate;
  /** (this group's GMV per member − the holdout's) × this group's members; null for the holdout or without one. */
  incrementalGmvFen: Estimate | null;
  couponDiscountFen: number;
  /** Points earned on the purchases that used the campaign coupon, net of their clawbacks. */
  pointsEarned: number;
  /** couponDiscountFen + pointsEarned at the programme's points-to-yuan rate. */
  costFen: number;
  /** incremental GMV / cost; null without a cost or an incremental figure. */
  roi: Estimate | null;
}

/** A campaign's results: each group's figures and, per group, cumulative GMV per member by day since launch. */
export interface CampaignResults {
  from: EpochMs;
  to: EpochMs;
  /** The instant the figures were computed as of (the window's end, or earlier while it runs). */
  asOf: EpochMs;
  groups: CampaignGroupResult[];
  /** One row per day of the window and group: day index from 1, cumulative GMV per member in fen. */
  series: { day: number; group: CampaignGroup; gmvPerMemberFen: number }[];
  /** How the figures and intervals are computed, as the page shows it. */
  method: string;
}
