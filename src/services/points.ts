import type { CheckInCalendar, CheckInResult, PointsHistoryPage, PointsSummary } from '~/types/functions/points';
import { callFunction } from './cloud';

/** Available, pending (with release dates) and expiring points. */
export function getSummary(): Promise<PointsSummary> {
  return callFunction('points', 'summary', {});
}

/** One page of the points history, newest first. */
export function getHistory(cursor?: string, pageSize = 20): Promise<PointsHistoryPage> {
  return callFunction('points', 'history', cursor ? { cursor, pageSize } : { pageSize });
}

/** Checks in for today; checking in again the same day answers the first result. */
export function checkIn(): Promise<CheckInResult> {
  return callFunction('points', 'checkIn', {});
}

/** The check-in days of a month (`YYYY-MM`) and today's state. */
export function getCheckInCalendar(month: string): Promise<CheckInCalendar> {
  return callFunction('points', 'checkInCalendar', { month });
}
