import { birthdayMonthDay } from '~/core/schedules/birthday-schedule';
import type { MemberResponses } from '~/types/functions/member';
import type { RequestContext } from '../runtime/wx';
import { bonusIfComplete } from './profile-bonus';
import { loadMember, profileOf } from './get-profile';
import { CodedError } from '~/core/coded-error';

/** Sets the birthday, once: a guarded update on `birthday: null`, so it cannot be changed by the member afterwards. */
export async function setBirthday(ctx: RequestContext, openid: string, birthday: string): Promise<MemberResponses['setBirthday']> {
  const member = await loadMember(ctx, openid);
  const set = await ctx.db
    .collection('members')
    .updateWhere(
      { _id: member._id, status: 'active', birthday: null },
      { birthday, birthdayMonthDay: birthdayMonthDay(birthday), updatedAt: ctx.now },
    );
  if (set !== 1 && member.birthday !== birthday) throw new CodedError('BIRTHDAY_LOCKED', '生日设置后不可修改，如需更正请联系客服');
  const updated = { ...member, birthday };
  return { ...(await profileOf(ctx, updated)), bonusPoints: await bonusIfComplete(ctx, updated) };
}
