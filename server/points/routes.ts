import { dayOf } from '~/core/calendar/shanghai';
import { pointsRequests } from '~/types/functions/points';
import { loadMember } from '../members/get-profile';
import { loadProgramme } from '../programme/load-programme';
import type { Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { checkIn } from './check-in';
import { checkInDays, checkInToday, pointsHistory, pointsSummary } from './points-views';

/** Routes of the `points` function: the caller's own points only. */
export const pointsRoutes: Routes<'points'> = {
  summary: async (_input, ctx) => pointsSummary(ctx, await loadMember(ctx, requireOpenid(ctx))),
  history: async (input, ctx) => pointsHistory(ctx, await loadMember(ctx, requireOpenid(ctx)), input),
  checkIn: async (_input, ctx) => {
    const member = await loadMember(ctx, requireOpenid(ctx));
    const { entry } = await checkIn(ctx, member._id);
    const details = entry.details ?? {};
    return {
      day: String(details.day),
      streak: Number(details.streak),
      points: entry.available,
      bonus: Number(details.bonus),
      available: entry.balanceAfter.available,
    };
  },
  checkInCalendar: async (input, ctx) => {
    const member = await loadMember(ctx, requireOpenid(ctx));
    const [days, { programme }] = await Promise.all([checkInDays(ctx, member, input.month), loadProgramme(ctx)]);
    return {
      month: input.month,
      days,
      streak: member.checkIn.streak,
      lastDay: member.checkIn.lastDay,
      ...checkInToday(member.checkIn, dayOf(ctx.now), programme.checkIn),
    };
  },
};

/** The `points` cloud function's main. */
export const pointsMain = createWxHandler<'points'>(pointsRequests, pointsRoutes);
