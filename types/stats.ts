import type { LifecycleStage } from './marketing';
import type { EpochMs, Fen, Points } from './units';

/** One coupon template's activity on one day. */
export interface CouponDayFigures {
  templateId: string;
  title: string;
  issued: number;
  used: number;
  /** What the coupons used that day took off (goods and shipping), in fen. */
  discountFen: Fen;
}

/** What happened during one Shanghai day (up to `asOf` for today): figures that add up over days. */
export interface DayFlow {
  newMembers: number;
  deletedMembers: number;
  tierUps: number;
  tierDowns: number;
  /** Online orders paid that day, and what they paid (after discounts, with shipping). */
  onlineOrders: number;
  onlineFen: Fen;
  /** In-store purchases recorded by staff that day (still recorded when the day was rolled up), and what members paid. */
  storeSales: number;
  storeFen: Fen;
  /** Purchases (online and in-store) that were the member's first ever, their second, and any after the first. */
  firstPurchases: number;
  secondPurchases: number;
  repeatPurchases: number;
  /** Points given by purchases, check-ins and profile bonuses; spent on orders and rewards (net of spends refunded); expired; other net changes (admin adjustments, claw-backs). */
  pointsIssued: Points;
  pointsRedeemed: Points;
  pointsExpired: Points;
  pointsOther: Points;
  checkIns: number;
  coupons: CouponDayFigures[];
}

/** Where the programme stood at the end of the day (or at `asOf` for today). */
export interface DaySnapshot {
  /** Members not deleted. */
  membersTotal: number;
  /** Members not deleted, by tier id. */
  byTier: Record<string, number>;
  /** Points members hold, available and pending. */
  pointsOutstanding: Points;
  /** Members who paid for an order in the 30 days up to the end of the day. */
  active30: number;
  /** Members who joined more than 90 days before and have not paid for an order in those 90 days. */
  dormant: number;
  /**
   * Members by lifecycle stage as the latest profile refresh (job-refresh-profiles) found them when
   * the rollup was written, by indexed counts on `member_profiles.stage`; absent before any profile
   * exists (and on rollups written before the stages were counted).
   */
  byStage?: Record<LifecycleStage, number>;
}

/**
 * `daily_stats`, `_id` = the Shanghai day `YYYY-MM-DD`: the dashboard's figures of one day,
 * written by `job-daily-stats`. Rewriting a day from the same data gives the same document;
 * today's is rewritten on every tick and `partial` until a tick after the day ends.
 */
export interface DailyStatsDoc {
  _id: string;
  day: string;
  partial: boolean;
  /** The instant the figures run up to: the day's end once final. */
  asOf: EpochMs;
  flow: DayFlow;
  snapshot: DaySnapshot;
  /** When the job wrote the document. */
  writtenAt: EpochMs;
}
