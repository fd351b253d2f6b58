import { CodedError } from '~/core/coded-error';
import { checkMemberCode, memberCodeEnvTag, normalMemberCode, parseMemberCode } from '~/core/members/member-code';
import { TILL_SESSION_MS } from '~/core/staff/member-card';
import type { MemberDoc } from '~/types/documents';
import type { StaffDoc, TillSessionDoc } from '~/types/staff';
import { memberCodeKey } from '../members/member-code-key';
import type { RequestContext } from '../runtime/wx';
import { throttledScan } from './scan-throttle';

const REFUSALS = {
  otherEnv: new CodedError('CODE_OTHER_ENV', '不是本商城的会员码'),
  invalid: new CodedError('CODE_FORGED', '会员码无效'),
  expired: new CodedError('CODE_EXPIRED', '会员码已过期，请让会员刷新后重新出示'),
} as const;

/**
 * Verifies a scanned or typed member code and consumes it: the signature, the environment, the
 * time window, then one use. The till session is inserted under the code itself, so the first
 * scan of a code opens the only session it will ever open, and a screenshot or a forwarded code
 * replayed later meets the duplicate key. Each refusal has its own code and writes nothing but
 * the failure counted against the staff member and the store.
 */
export async function openTillSession(
  ctx: RequestContext,
  staff: StaffDoc,
  typed: string,
): Promise<{ session: TillSessionDoc; member: MemberDoc }> {
  const code = normalMemberCode(typed);
  if (!code) throw new CodedError('CODE_MALFORMED', '请输入20位会员码', { field: 'code' });
  const parsed = parseMemberCode(code) as NonNullable<ReturnType<typeof parseMemberCode>>;
  const key = memberCodeKey();
  return throttledScan(ctx, staff, async () => {
    if (parsed.envTag !== memberCodeEnvTag(key.env)) throw REFUSALS.otherEnv;
    const member = await ctx.db.collection('members').findOne({ memberNo: parsed.memberNo, status: 'active' });
    const check = member ? checkMemberCode(key, { memberId: member._id, memberNo: member.memberNo }, code, ctx.now) : 'invalid';
    if (!member || check !== 'valid') throw REFUSALS[check === 'valid' ? 'invalid' : check];
    const session: TillSessionDoc = {
      _id: code,
      memberId: member._id,
      storeId: staff.storeId,
      staffId: staff._id,
      openedAt: ctx.now,
      expiresAt: ctx.now + TILL_SESSION_MS,
      pointsUsedBy: null,
    };
    if (!(await ctx.db.collection('till_sessions').insert(session))) {
      throw new CodedError('CODE_USED', '该会员码已使用，请让会员刷新后重新出示');
    }
    return { session, member };
  });
}
