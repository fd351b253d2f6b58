import { toCheckInResult } from '~/core/points/results';
import { pointsRequests } from '~/types/functions/points';
import { loadCaller } from '../members/get-profile';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { checkIn } from './check-in';
import { getCheckInCalendar } from './get-check-in-calendar';
import { getPointsSummary } from './get-points-summary';
import { listPointsHistory } from './list-points-history';

/** Routes of the `points` function: the caller's own points only. */
export const pointsRoutes: Routes<'points'> = {
  summary: async (_input, ctx) => getPointsSummary(ctx, await loadCaller(ctx)),
  history: async (input, ctx) => listPointsHistory(ctx, await loadCaller(ctx), input),
  checkIn: async (_input, ctx) => toCheckInResult((await checkIn(ctx, (await loadCaller(ctx))._id)).entry),
  checkInCalendar: async (input, ctx) => getCheckInCalendar(ctx, { member: await loadCaller(ctx), month: input.month }),
};

/** The `points` cloud function's main. */
export const pointsMain = createWxHandler<'points'>(pointsRequests, pointsRoutes);
