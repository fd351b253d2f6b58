import { dayOf } from '~/core/calendar/shanghai';
import { checkInReward } from '~/core/points/earning';
import { planCredit } from '~/core/points/ledger-plans';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/** Daily check-in, once per Shanghai day: 5 points and a bonus on every 7th day of a streak (by default). */
export async function checkIn(ctx: RequestContext, memberId: string): Promise<PostResult> {
  const { programme } = await loadProgramme(ctx);
  const day = dayOf(ctx.now);
  let streak = 0;
  return postEntry(ctx, {
    key: `checkin:${memberId}:${day}`,
    memberId,
    plan: (state, member) => {
      const reward = checkInReward(member.checkIn, day, programme.checkIn);
      streak = reward.streak;
      const reason = reward.bonusPoints ? `每日签到 · 连续${reward.streak}天奖励` : '每日签到';
      return planCredit(
        state,
        {
          kind: 'checkin',
          reason,
          ref: { type: 'checkin', id: day },
          details: { day, streak: reward.streak, base: reward.basePoints, bonus: reward.bonusPoints },
        },
        reward.basePoints + reward.bonusPoints,
        programme.points.expiryMonths,
      );
    },
    // Two check-ins around midnight may commit out of order; the later day stays the member's last.
    memberFields: (member) =>
      member.checkIn.lastDay !== null && member.checkIn.lastDay > day ? {} : { checkIn: { lastDay: day, streak } },
  });
}
