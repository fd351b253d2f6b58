import { CodedError } from '~/core/coded-error';
import { birthdayMonthDay } from '~/core/schedules/birthday-schedule';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

/**
 * An admin corrects a member's birthday (members can set it only once). A guarded update on the
 * birthday it replaces, with its audit entry under the admin page's request key; setting the
 * birthday the member already has changes nothing and writes no entry.
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
  const changed = await members.updateWhere(
    { _id: memberId, status: 'active', birthday: member.birthday },
    { birthday, birthdayMonthDay: birthdayMonthDay(birthday), updatedAt: ctx.now },
  );
  if (changed !== 1) throw new CodedError('CONFLICT', '会员生日刚被修改过，请刷新后重试');
  await writeAudit(ctx, {
    _id: `audit:setMemberBirthday:${memberId}:${requestKey ?? ctx.now}`,
    actor: adminActor(admin),
    action: 'setMemberBirthday',
    target: { type: 'member', id: memberId },
    memberId,
    before: { birthday: member.birthday },
    after: { birthday },
  });
  return { memberId, birthday };
}
