import type { SubscriptionTopic } from './notify';
import type { EpochMs, Fen, Points } from './units';

/** `tiers` collection: one document per tier, editable by admins. `_id` is the tier id. */
export interface TierDoc {
  _id: string;
  name: string;
  /** 0 for the entry tier, rising by one per tier. */
  rank: number;
  /** Rolling-window qualifying spend that enters the tier. */
  entrySpendFen: Fen;
  /** Rolling-window qualifying spend that keeps the tier at review. */
  keepSpendFen: Fen;
  /** Points multiplier in percent (100 = ×1.0). */
  pointsMultiplierPercent: number;
  /** Member price in percent of the list price (95 = 5 % off). */
  memberPricePercent: number;
  /** Coupon template issued on the member's birthday, if any. */
  birthdayCouponTemplateId: string | null;
  /** Goods total from which shipping is free for this tier; null = no tier perk. */
  freeShippingThresholdFen: Fen | null;
  /** Perks shown to members, in Chinese. */
  perks: string[];
}

/** `settings/programme`: the programme's numbers, editable by admins. */
export interface ProgrammeSettings {
  _id: 'programme';
  points: {
    /** Points per ¥1 paid (after discounts, before shipping), before the tier multiplier. */
    earnPerYuan: number;
    /** Purchase points stay pending this many days after delivery or pickup. */
    pendingDays: number;
    /** Points expire at the end of this many months after the month earned. */
    expiryMonths: number;
    /** Points worth ¥1 at checkout. */
    pointsPerYuan: number;
    /** Share of the goods total payable with points, in percent. */
    maxRedeemPercent: number;
    /** Days before a month's points expire that members are reminded (absent in settings stored before it existed: the default). */
    expiryNoticeDays?: number;
    /**
     * An admin adjustment of more points than this (either way) waits for a second admin to
     * approve it (absent in settings stored before it existed: the default, 1,000).
     */
    approvalThreshold?: Points;
  };
  checkIn: { dailyPoints: Points; streakDays: number; streakBonusPoints: Points };
  profileBonusPoints: Points;
  tierReview: { windowDays: number; graceDays: number; noticeDays: number; maxDropPerReview: number };
  coupons: {
    welcomeTemplateId: string | null;
    comebackTemplateId: string | null;
    comebackAfterDays: number;
    comebackCooldownDays: number;
  };
  /** Member grouping: the RFM window and the lifecycle stages' day thresholds (absent in settings stored before they existed: the defaults). */
  marketing?: MarketingSettings;
  /** Subscription messages (absent in settings stored before they existed: the defaults). */
  messages?: {
    /** The template chosen in the mini-program console for each topic; its keywords are listed in server/notify/messages.ts. */
    templateIds: Record<SubscriptionTopic, string>;
  };
}

/** How members are grouped: the window of the RFM scores and the day thresholds of the lifecycle stages. */
export interface MarketingSettings {
  /** Purchases in the last this many days make the RFM scores. */
  rfmWindowDays: number;
  lifecycle: {
    /** A member who joined less than this many days ago with at most one purchase is `new`. */
    newDays: number;
    /** A purchase within this many days keeps a member `active`. */
    activeDays: number;
    /** Past `activeDays` and up to this many days since the last purchase: `dormant`; beyond it: `churned`. */
    dormantDays: number;
    /** A member who buys again while dormant or churned is `wonBack` for this many days, then `active`. */
    wonBackDays: number;
  };
}

/** The programme as one version holds it: the settings and every tier, lowest first. */
export interface ProgrammeSnapshot {
  programme: ProgrammeSettings;
  tiers: TierDoc[];
}

/**
 * `programme_versions`, `_id` = `v<version>`: every change of the programme's rules is a new
 * version, a full snapshot with the moment it takes effect. The version in effect at a moment is
 * the published one with the latest `effectiveAt` at or before it (the stored `settings/programme`
 * and `tiers` documents while there is none). Versions are never edited, only cancelled before
 * they take effect, so the rules any past award was made under stay on record.
 */
export interface ProgrammeVersionDoc extends ProgrammeSnapshot {
  _id: string;
  /** 1, 2, 3 … in the order published; version 1 records the rules stored before the first change. */
  version: number;
  effectiveAt: EpochMs;
  status: 'published' | 'cancelled';
  /** The admin who published it (`system` for version 1). */
  author: string;
  createdAt: EpochMs;
  note: string;
  /** The version the author edited (the latest published one at the time); null for version 1. */
  basedOn: number | null;
  /** The past version this one brings back, when it is a restore. */
  restoredFrom: number | null;
  /** The admin page's key of the request that published it: a retry finds it (unique). */
  requestKey: string;
  cancelledAt: EpochMs | null;
  cancelledBy: string | null;
}
