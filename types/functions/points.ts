import * as z from 'zod';
import type { LedgerKind } from '../points';
import type { EpochMs, Points } from '../units';

/** Request schemas of the `points` function, one per action. */
export const pointsRequests = {
  summary: z.strictObject({ action: z.literal('summary') }),
  history: z.strictObject({
    action: z.literal('history'),
    pageSize: z.number().int().min(1).max(50).default(20),
    cursor: z.string().max(200).optional(),
  }),
  checkIn: z.strictObject({ action: z.literal('checkIn') }),
  checkInCalendar: z.strictObject({
    action: z.literal('checkInCalendar'),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
  }),
};

export interface PointsSummary {
  available: Points;
  pending: Points;
  lifetimeEarned: Points;
  /** Pending purchase points; `availableAt` is null until the order is delivered or picked up. */
  pendingLots: { points: Points; availableAt: EpochMs | null; orderId: string }[];
  /** Points that expire within 30 days, soonest first. */
  expiring: { points: Points; expiresAt: EpochMs }[];
  /** The soonest available points to expire, however far off; null when none are held. */
  nextExpiry: { points: Points; expiresAt: EpochMs } | null;
  /** True when a refund took back points already spent: spending is blocked until earned back. */
  negative: boolean;
}

export interface PointsHistoryItem {
  id: string;
  kind: LedgerKind;
  reason: string;
  available: Points;
  pending: Points;
  at: EpochMs;
}

export interface PointsHistoryPage {
  items: PointsHistoryItem[];
  nextCursor: string | null;
}

export interface CheckInResult {
  day: string;
  streak: number;
  points: Points;
  bonus: Points;
  available: Points;
}

/** The check-in month as the calendar shows it, with today's state from the server's clock. */
export interface CheckInCalendar {
  month: string;
  /** Shanghai days of `month` the member checked in on, `YYYY-MM-DD`. */
  days: string[];
  /** The stored streak of the last check-in (see `currentStreak` for today's view). */
  streak: number;
  lastDay: string | null;
  /** Today in Shanghai, `YYYY-MM-DD`. */
  today: string;
  checkedInToday: boolean;
  /** The streak as of today: 0 once a day was missed. */
  currentStreak: number;
  /** What today's check-in gives (or gave, once checked in). */
  todayReward: { points: Points; bonus: Points };
  /** Check-ins still needed for the next streak bonus, counting today's if not yet made; 0 when there is no bonus. */
  daysToBonus: number;
  rules: { dailyPoints: Points; streakDays: number; streakBonusPoints: Points };
}

export interface PointsResponses {
  summary: PointsSummary;
  history: PointsHistoryPage;
  checkIn: CheckInResult;
  checkInCalendar: CheckInCalendar;
}
