import { toCheckInResult } from '~/core/points/results';
import { pointsRequests } from '~/types/functions/points';
import { loadMember } from '../members/get-profile';
import type { RequestContext, Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { checkIn } from './check-in';
import { getCheckInCalendar } from './get-check-in-calendar';
import { getPointsSummary } from './get-points-summary';
import { listPointsHistory } from './list-points-history';

const caller = (ctx: RequestContext) => loadMember(ctx, requireOpenid(ctx));

/** Routes of the `points` function: the caller's own points only. */
export const pointsRoutes: Routes<'points'> = {
  summary: async (_input, ctx) => getPointsSummary(ctx, await caller(ctx)),
  history: async (input, ctx) => listPointsHistory(ctx, await caller(ctx), input),
  checkIn: async (_input, ctx) => toCheckInResult((await checkIn(ctx, (await caller(ctx))._id)).entry),
  checkInCalendar: async (input, ctx) => getCheckInCalendar(ctx, { member: await caller(ctx), month: input.month }),
};

/** The `points` cloud function's main. */
export const pointsMain = createWxHandler<'points'>(pointsRequests, pointsRoutes);
