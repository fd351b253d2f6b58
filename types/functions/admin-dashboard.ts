import type { LifecycleStage } from '../marketing';
import * as z from 'zod';
import type { CouponDayFigures } from '../stats';
import type { EpochMs, Fen, Points } from '../units';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** The longest range the dashboard shows at once, in days. */
export const DASHBOARD_MAX_DAYS = 366;

/** The dashboard action of the `admin` function, without `action` and `token`. */
export const adminDashboardInputs = {
  /** The figures of the Shanghai days `from`..`to` (both included), and of as many days just before. */
  getDashboard: z.strictObject({ from: day, to: day }),
};

/** The figures of a run of days. */
export interface PeriodFigures {
  from: string;
  to: string;
  /** Days of the range that have figures (days before the programme started have none). */
  daysWithFigures: number;
  /** Standing at the end of the last day with figures. */
  membersTotal: number;
  active30: number;
  dormant: number;
  pointsOutstanding: Points;
  /** What the outstanding points are worth at checkout, at the programme's redemption rate. */
  liabilityFen: Fen;
  /** Flows over the range. */
  newMembers: number;
  tierUps: number;
  tierDowns: number;
  gmvFen: Fen;
  /** Online orders paid and in-store purchases. */
  paidOrders: number;
  averageOrderFen: Fen;
  /** Share of purchases made by members who had bought before, 0–1. */
  repurchaseRate: number;
  onlineFen: Fen;
  onlineOrders: number;
  storeFen: Fen;
  storeSales: number;
  pointsIssued: Points;
  pointsRedeemed: Points;
  pointsExpired: Points;
  couponsIssued: number;
  couponsUsed: number;
  couponDiscountFen: Fen;
  checkIns: number;
  /** Check-ins per member per day over the range, 0–1. */
  checkInRate: number;
  funnel: { joined: number; firstPurchases: number; secondPurchases: number };
}

/** One day of the trend charts. */
export interface DashboardDay {
  day: string;
  partial: boolean;
  gmvFen: Fen;
  paidOrders: number;
  newMembers: number;
  onlineFen: Fen;
  storeFen: Fen;
  pointsIssued: Points;
  pointsRedeemed: Points;
  pointsExpired: Points;
  checkIns: number;
}

export interface DashboardView {
  current: PeriodFigures;
  /** The same number of days just before `from`. */
  previous: PeriodFigures;
  days: DashboardDay[];
  /** Members by tier at the end of the range, in tier order. */
  tiers: { tierId: string; name: string; members: number }[];
  coupons: CouponDayFigures[];
  /** The range ends with today, whose figures run only to the last refresh. */
  partial: boolean;
  /** When the latest figures of the range were computed (null: none yet). */
  asOf: EpochMs | null;
  pointsPerYuan: number;
  /** Members by lifecycle stage at the end of the range (DaySnapshot.byStage); null before any profile refresh. */
  stages: Record<LifecycleStage, number> | null;
}

export interface AdminDashboardResponses {
  getDashboard: DashboardView;
}
