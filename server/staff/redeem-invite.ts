import { CodedError } from '~/core/coded-error';
import type { StaffMe } from '~/types/functions/staff';
import type { StaffDoc } from '~/types/staff';
import { writeAudit } from '../audit/write-audit';
import { loadCaller } from '../members/get-profile';
import type { RequestContext } from '../runtime/wx';
import { loadStore } from './load-store';
import { staffActor } from './require-staff';
import { toStaffMe } from './staff-views';

/**
 * A member binds their WeChat account to a store with a one-time invite. The invite is taken by
 * a guarded update (unused, unexpired), so two people entering one code bind one; the same
 * member entering it again finishes a bind a crash cut short.
 */
export async function redeemInvite(ctx: RequestContext, code: string): Promise<StaffMe> {
  const member = await loadCaller(ctx);
  const openid = member.openid;
  const staff = ctx.db.collection('staff');
  const existing = await staff.get(openid);
  if (existing?.status === 'disabled') throw new CodedError('STAFF_DISABLED', '店员账号已停用，请联系管理员');
  if (existing && existing.inviteCode !== code) throw new CodedError('CONFLICT', '你已是门店店员');
  const invites = ctx.db.collection('staff_invites');
  const _ = ctx.db.command;
  const took = await invites.updateWhere({ _id: code, usedBy: null, expiresAt: _.gt(ctx.now) }, { usedBy: openid, usedAt: ctx.now });
  const invite = await invites.get(code);
  if (!invite) throw new CodedError('NOT_FOUND', '邀请码无效');
  if (took !== 1 && invite.usedBy !== openid) {
    if (invite.usedBy) throw new CodedError('INVALID_STATE', '邀请码已被使用');
    throw new CodedError('INVALID_STATE', '邀请码已过期，请联系管理员重新生成');
  }
  const store = await loadStore(ctx, invite.storeId);
  const doc: StaffDoc = {
    _id: openid,
    storeId: invite.storeId,
    role: invite.role,
    memberId: member._id,
    nickname: member.nickname,
    status: 'active',
    inviteCode: code,
    invitedBy: invite.createdBy,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    disabledAt: null,
    disabledBy: null,
  };
  const bound = existing ?? ((await staff.insert(doc)) ? doc : await staff.get(openid));
  if (!bound) throw new CodedError('CONFLICT', '绑定未完成，请重试');
  await writeAudit(ctx, {
    _id: `audit:staffJoin:${code}`,
    actor: staffActor(bound),
    action: 'redeemInvite',
    target: { type: 'staff', id: bound._id },
    memberId: member._id,
    after: { storeId: bound.storeId, role: bound.role },
  });
  return toStaffMe(bound, store);
}
