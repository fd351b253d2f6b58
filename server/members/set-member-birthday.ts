import { birthdayMonthDay } from '~/core/schedules/birthday-schedule';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

/** An admin corrects a member's birthday (members can set it only once). */
export async function setMemberBirthday(
  ctx: RequestContext,
  { memberId, birthday }: { memberId: string; birthday: string },
): Promise<{ memberId: string; birthday: string }> {
  const changed = await ctx.db
    .collection('members')
    .updateWhere({ _id: memberId, status: 'active' }, { birthday, birthdayMonthDay: birthdayMonthDay(birthday), updatedAt: ctx.now });
  if (changed !== 1) {
    const member = await ctx.db.collection('members').get(memberId);
    if (!member || member.status !== 'active') throw new CodedError('NOT_FOUND', '会员不存在');
  }
  return { memberId, birthday };
}
