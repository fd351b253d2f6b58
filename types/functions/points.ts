import { z } from 'zod';
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

export interface PointsResponses {
  summary: PointsSummary;
  history: PointsHistoryPage;
  checkIn: CheckInResult;
  checkInCalendar: { month: string; days: string[]; streak: number; lastDay: string | null };
}
