import { CodedError } from '~/core/coded-error';
import { birthdayMonthDay } from '~/core/schedules/birthday-schedule';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

/**
 * An admin corrects a member's birthday (members can set it only once). A guarded update on the
 * birthday it replaces, in one transaction with its audit entry; setting the birthday the member
 * already has (a repeat) changes nothing and writes no entry.
 */
export async function setMemberBirthday(
  ctx: RequestContext,
  { memberId, birthday, requestKey }: { memberId: string; birthday: string; requestKey?: string },
  admin: TokenClaims,
): Promise<{ memberId: string; birthday: string }> {
  const members = ctx.db.collection('members');
  const member = await members.get(memberId);
  if (!member || member.status !== 'active') throw new CodedError('NOT_FOUND', '会员不存在');
  if (member.birthday === birthday) return { memberId, birthday };
  const changed = await updateWithAudit(ctx, {
    collection: 'members',
    id: memberId,
    expected: (now) => now.status === 'active' && now.birthday === member.birthday,
    change: { birthday, birthdayMonthDay: birthdayMonthDay(birthday), updatedAt: ctx.now },
    audit: () => ({
      ...(requestKey ? { _id: `audit:setMemberBirthday:${memberId}:${requestKey}` } : {}),
      actor: adminActor(admin),
      action: 'setMemberBirthday',
      target: { type: 'member', id: memberId },
      memberId,
      before: { birthday: member.birthday },
      after: { birthday },
    }),
  });
  if (!changed && (await members.get(memberId))?.birthday !== birthday)
    throw new CodedError('CONFLICT', '会员生日刚被修改过，请刷新后重试');
  return { memberId, birthday };
}
