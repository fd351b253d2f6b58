import * as z from 'zod';
import type { ProgrammeSnapshot, ProgrammeVersionDoc } from '../programme';
import type { EpochMs } from '../units';

// Shapes and types only: the ranges and the rules between fields are checked by
// core/programme/draft-problems.ts, which words each refusal for the admin.
const count = z.number().int().min(0).max(1_000_000_000);
const templateId = z.string().trim().min(1).max(64).nullable();
const requestKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -');
const version = z.number().int().min(1).max(1_000_000);
/** When the version takes effect; null: as soon as every instance can switch (ProgrammeVersionDoc). */
const effectiveAt = z.number().int().min(0).max(8_640_000_000_000_000).nullable();
const note = z.string().trim().max(200);

/** One tier as the rules editor sends it; tiers are told apart by id and keep their rank. */
export const tierDraftSchema = z.strictObject({
  tierId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a tier id'),
  name: z.string().trim().max(40),
  entrySpendFen: count,
  keepSpendFen: count,
  pointsMultiplierPercent: count,
  memberPricePercent: count,
  birthdayCouponTemplateId: templateId,
  freeShippingThresholdFen: count.nullable(),
  perks: z.array(z.string().trim().max(40)).max(12),
});

/** What the rules editor changes: everything else of the programme stays as in the version it was based on. */
export const programmeDraftSchema = z.strictObject({
  tiers: z.array(tierDraftSchema).min(1).max(10),
  points: z.strictObject({
    earnPerYuan: count,
    pendingDays: count,
    expiryMonths: count,
    expiryNoticeDays: count,
    pointsPerYuan: count,
    maxRedeemPercent: count,
  }),
  checkIn: z.strictObject({ dailyPoints: count, streakDays: count, streakBonusPoints: count }),
  profileBonusPoints: count,
  tierReview: z.strictObject({ graceDays: count, noticeDays: count }),
  coupons: z.strictObject({
    welcomeTemplateId: templateId,
    comebackTemplateId: templateId,
    comebackAfterDays: count,
    comebackCooldownDays: count,
  }),
  /** Member grouping (absent: as in the version the draft is based on). */
  marketing: z
    .strictObject({
      rfmWindowDays: count,
      lifecycle: z.strictObject({ newDays: count, activeDays: count, dormantDays: count, wonBackDays: count }),
    })
    .optional(),
});

export type ProgrammeDraft = z.output<typeof programmeDraftSchema>;
export type TierDraft = z.output<typeof tierDraftSchema>;

/** The programme-rules actions of the `admin` function, without `action` and `token`. */
export const adminProgrammeInputs = {
  /** The version in effect, the scheduled ones and the history. */
  getProgramme: z.strictObject({}),
  /** Checks a draft and answers what it would change and whom it would affect; changes nothing. */
  previewProgramme: z.strictObject({ draft: programmeDraftSchema }),
  /** Publishes a draft as a new version, based on the latest published version `basedOn`. */
  publishProgramme: z.strictObject({
    draft: programmeDraftSchema,
    basedOn: z.number().int().min(0).max(1_000_000),
    effectiveAt,
    note,
    requestKey,
  }),
  /** Cancels a version that has not taken effect yet. */
  cancelProgrammeVersion: z.strictObject({ version }),
  /** Publishes a past version's rules again, as a new version. */
  restoreProgrammeVersion: z.strictObject({ version, effectiveAt, note, requestKey }),
};

/** One refusal of a draft: the field (a dot path into the draft, e.g. `tiers.1.keepSpendFen`) and why, in Chinese. */
export interface DraftProblem {
  field: string;
  message: string;
}

/** One changed rule: its key (a dot path), its name and its values before and after, as the admin reads them. */
export interface ProgrammeChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** Members whose tier after their next review would differ under the draft, and where they would end. */
export interface TierImpact {
  /** Members who would end in a higher tier than under the rules in effect. */
  higher: number;
  /** Members who would end in a lower tier. */
  lower: number;
  /** Per tier: how many of those members would end in it under the rules in effect, and under the draft. */
  byTier: { tierId: string; name: string; before: number; after: number }[];
  /** Members whose qualifying spend lies where a threshold moved (the only ones a threshold change can move). */
  examined: number;
  /** More members lay there than one preview reads: the counts cover the first `examined`. */
  capped: boolean;
}

/** What a draft would affect. */
export interface ProgrammeImpact {
  tiers: TierImpact;
  /** Members in all (every check-in and purchase after the change follows the new rules). */
  members: number;
  /** Purchases in the last 30 days (how many a change of the earning rules would have touched). */
  purchasesLast30Days: number;
}

/** A version as the admin page shows it. */
export type ProgrammeVersionView = Omit<ProgrammeVersionDoc, '_id' | 'requestKey'>;

/** The rules in effect: a version, or the stored rules while none has been published (version 0). */
export interface CurrentProgramme extends ProgrammeSnapshot {
  version: number;
  effectiveAt: EpochMs | null;
}

/** A coupon template the rules may name (birthday, welcome, comeback coupons). */
export interface TemplateChoice {
  templateId: string;
  title: string;
  status: 'active' | 'paused' | 'ended';
}

export interface AdminProgrammeResponses {
  getProgramme: {
    current: CurrentProgramme;
    /** Versions that take effect later, soonest first. */
    scheduled: ProgrammeVersionView[];
    /** The latest published version (the one a new draft is based on): the scheduled one taking effect last, else the current. */
    latest: CurrentProgramme;
    /** Every version, newest first (the latest 100). */
    history: ProgrammeVersionView[];
    templates: TemplateChoice[];
    /** The server's clock, so the page can tell what is scheduled. */
    now: EpochMs;
  };
  previewProgramme: { problems: DraftProblem[]; changes: ProgrammeChange[]; impact: ProgrammeImpact | null };
  publishProgramme: ProgrammeVersionView;
  cancelProgrammeVersion: ProgrammeVersionView;
  restoreProgrammeVersion: ProgrammeVersionView;
}
