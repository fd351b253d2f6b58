import { DAY_MS } from '~/core/calendar/durations';
import { dayOf, monthOf, startOfDay } from '~/core/calendar/shanghai';
import { checkInToday } from '~/core/points/check-in-today';
import type { MemberDoc } from '~/types/documents';
import type { CheckInCalendar } from '~/types/functions/points';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/** The Shanghai days of `month` (`YYYY-MM`) on which the member checked in. */
async function checkInDays(ctx: RequestContext, member: MemberDoc, month: string): Promise<string[]> {
  const _ = ctx.db.command;
  const start = startOfDay(`${month}-01`);
  const next = startOfDay(`${monthOf(start + 32 * DAY_MS)}-01`);
  const entries = await ctx.db
    .collection('ledger_entries')
    .find(_.and([{ memberId: member._id }, { kind: 'checkin' }, { createdAt: _.gte(start) }, { createdAt: _.lt(next) }]), {
      orderBy: [['createdAt', 'asc']],
      limit: 31,
    });
  return entries.map((entry) => entry.ref.id);
}

/** The member's check-in calendar for `month` (`YYYY-MM`): the days checked in, the streak, and what today gives. */
export async function getCheckInCalendar(
  ctx: RequestContext,
  { member, month }: { member: MemberDoc; month: string },
): Promise<CheckInCalendar> {
  const [days, { programme }] = await Promise.all([checkInDays(ctx, member, month), loadProgramme(ctx)]);
  return {
    month,
    days,
    streak: member.checkIn.streak,
    lastDay: member.checkIn.lastDay,
    ...checkInToday(member.checkIn, dayOf(ctx.now), programme.checkIn),
  };
}
