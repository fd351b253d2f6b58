import { create } from 'zustand';
import type { CheckInCalendar, CheckInResult, PointsHistoryItem, PointsSummary } from '~/types/functions/points';
import * as pointsService from '../services/points';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt } from './outcome';
import type { PagedList } from './paged-list';
import { emptyList, loadPage } from './paged-list';
import { refreshMemberFigures } from './member';

export interface PointsState {
  summary: Loadable<PointsSummary>;
  history: PagedList<PointsHistoryItem>;
  /** The check-in calendar of the month on screen. */
  calendar: Loadable<CheckInCalendar>;
  checkingIn: boolean;
  loadSummary: () => Promise<void>;
  /** Loads the first page again (`first`) or the next page (`more`). */
  loadHistory: (mode: 'first' | 'more') => Promise<void>;
  /** Loads the calendar of a month, `YYYY-MM`. */
  loadCalendar: (month: string) => Promise<void>;
  /** Checks in for today; answers the result, or the error that refused it. */
  checkIn: () => Promise<Outcome<CheckInResult>>;
}

/** The member's points: summary, history and check-in. */
export const usePointsStore = create<PointsState>()((set, get) => ({
  summary: idle(),
  history: emptyList(),
  calendar: idle(),
  checkingIn: false,

  loadSummary: () =>
    loadInto(
      () => get().summary,
      (summary) => set({ summary }),
      () => pointsService.getSummary(),
    ),

  loadHistory: (mode) =>
    loadPage(
      () => get().history,
      (history) => set({ history }),
      (cursor) => pointsService.getHistory(cursor),
      mode,
    ),

  loadCalendar: (month) => {
    // Another month replaces the one on screen; the same month refreshes in place.
    if (get().calendar.data?.month !== month) set({ calendar: idle() });
    return loadInto(
      () => get().calendar,
      (calendar) => set({ calendar }),
      () => pointsService.getCheckInCalendar(month),
    );
  },

  checkIn: async () => {
    set({ checkingIn: true });
    try {
      return await attempt(async () => {
        const result = await pointsService.checkIn();
        refreshMemberFigures();
        const shown = get().calendar.data;
        if (shown && result.day.startsWith(shown.month) && !shown.days.includes(result.day)) {
          set({
            calendar: {
              ...get().calendar,
              data: { ...shown, days: [...shown.days, result.day], checkedInToday: true, currentStreak: result.streak },
            },
          });
        }
        return result;
      });
    } finally {
      set({ checkingIn: false });
    }
  },
}));
