import * as z from 'zod';
import type { Gender } from './documents';
import type { EpochMs, Fen } from './units';

/** Where a member stands in their relationship with the brand (core/marketing/lifecycle.ts decides). */
export const LIFECYCLE_STAGES = ['new', 'active', 'dormant', 'churned', 'wonBack'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Age bands of the basic tags; a member without a birthday has none. */
export const AGE_BANDS = ['under18', '18-24', '25-29', '30-34', '35-39', '40-49', '50plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Recency, frequency and monetary scores, 1 (lowest) to 5 (highest); 0: no purchase in the window. */
export interface RfmScores {
  r: number;
  f: number;
  m: number;
}

/**
 * `member_profiles`, `_id` = the member id: the member's tags, as of the daily refresh
 * (`job-refresh-profiles`), flat so segments filter on them by indexed queries. The job writes
 * every field but `special`, which admins, CSV imports, rules and staff set.
 */
export interface MemberProfileDoc {
  _id: string;
  memberNo: string;
  /** The Shanghai day of the refresh that wrote the computed fields, and when. */
  refreshedDay: string;
  refreshedAt: EpochMs;
  // Basic tags.
  gender: Gender;
  ageBand: AgeBand | null;
  /** From the default address (else the newest); null without one. */
  province: string | null;
  city: string | null;
  joinedAt: EpochMs;
  /** 1–12; null without a birthday. */
  birthdayMonth: number | null;
  tierId: string;
  // Consent: `personalised` false keeps the member out of tag-targeted campaigns and recommendations.
  marketing: boolean;
  personalised: boolean;
  // Consumption (paid online orders and in-store purchases, net of refunds) in the RFM window.
  rfm: RfmScores;
  /** r × 100 + f × 10 + m, for sorting and the RFM grid. */
  rfmCode: number;
  lastPurchaseAt: EpochMs | null;
  purchases: number;
  spendFen: Fen;
  averageOrderFen: Fen;
  /** Spend over fixed windows ending at the refresh, for segments. */
  spend30Fen: Fen;
  spend90Fen: Fen;
  spend365Fen: Fen;
  /** Channel split of `spendFen`. */
  onlineFen: Fen;
  storeFen: Fen;
  /** The store of most in-store purchases in the window; null without any. */
  homeStoreId: string | null;
  /** Up to three category ids, most bought first. */
  preferredCategoryIds: string[];
  // Interaction.
  checkInStreak: number;
  /** Check-ins in the last 30 days. */
  checkIns30: number;
  /** Share of coupons issued in the window that were used, 0–100; 0 without coupons. */
  couponUseRate: number;
  redemptions: number;
  /** Links the member shared that someone opened, in the window. */
  shares: number;
  // Lifecycle.
  stage: LifecycleStage;
  stageSince: EpochMs;
  /** The latest stage changes, newest last (at most 20). */
  stageHistory: { stage: LifecycleStage; at: EpochMs }[];
  /** Special tags: tag id → value. */
  special: Record<string, string>;
}

/**
 * `tag_definitions`: a special tag an admin defined (肤质, 鞋码 …) with its allowed values;
 * `_id` is a short slug used as the key in `MemberProfileDoc.special`.
 */
export interface TagDefinitionDoc {
  _id: string;
  name: string;
  values: string[];
  /** Whether store staff may set it at the till. */
  staffCanSet: boolean;
  /**
   * How many members hold each value, changed in the same transaction as every assignment (a
   * dynamic `special.<tagId>` path cannot be indexed, so it cannot be counted by a query).
   */
  counts: Record<string, number>;
  status: 'active' | 'archived';
  createdBy: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id');
const range = {
  min: z.number().int().min(0).max(1e12).optional(),
  max: z.number().int().min(0).max(1e12).optional(),
};

/** Fields a condition may test with a list of values. */
export const LIST_FIELDS = ['tierId', 'stage', 'gender', 'ageBand', 'province', 'city', 'homeStoreId', 'preferredCategory'] as const;
/** Fields a condition may test with a range (both ends included); `lastPurchaseDays` counts a member who never bought as more than any number. */
export const RANGE_FIELDS = [
  'rfmR',
  'rfmF',
  'rfmM',
  'spend30Fen',
  'spend90Fen',
  'spend365Fen',
  'purchases',
  'lastPurchaseDays',
  'checkIns30',
  'couponUseRate',
] as const;
export const FLAG_FIELDS = ['marketing', 'personalised'] as const;

export const segmentConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('list'), field: z.enum(LIST_FIELDS), values: z.array(z.string().min(1).max(64)).min(1).max(100) }),
  z.strictObject({ kind: z.literal('special'), tagId: id, values: z.array(z.string().min(1).max(32)).min(1).max(100) }),
  z.strictObject({ kind: z.literal('birthdayMonth'), months: z.array(z.number().int().min(1).max(12)).min(1).max(12) }),
  z
    .strictObject({ kind: z.literal('range'), field: z.enum(RANGE_FIELDS), ...range })
    .refine((c) => c.min !== undefined || c.max !== undefined, 'needs a lower or an upper bound')
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, 'the lower bound is above the upper'),
  z.strictObject({ kind: z.literal('flag'), field: z.enum(FLAG_FIELDS), value: z.boolean() }),
]);
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;

/**
 * A segment's rule: groups of conditions, joined within a group by the group's `join` and
 * between groups by the rule's `join` (e.g. (金卡 or 钻石) and R ≥ 4). An empty rule matches
 * every member.
 */
export const segmentRuleSchema = z.strictObject({
  join: z.enum(['and', 'or']),
  groups: z.array(z.strictObject({ join: z.enum(['and', 'or']), conditions: z.array(segmentConditionSchema).min(1).max(20) })).max(10),
});
export type SegmentRule = z.infer<typeof segmentRuleSchema>;

/** `segments`: a saved rule. */
export interface SegmentDoc {
  _id: string;
  name: string;
  description: string;
  rule: SegmentRule;
  /** The last count, and when it was taken. */
  lastCount: number | null;
  countedAt: EpochMs | null;
  status: 'active' | 'archived';
  createdBy: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** The groups of a campaign: the holdout gets nothing; each variant its coupon. */
export type CampaignGroup = 'holdout' | 'A' | 'B' | 'C';
