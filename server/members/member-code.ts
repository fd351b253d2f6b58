import { signMemberCode } from '~/core/members/member-code';
import type { MemberCodeView } from '~/types/functions/member';
import type { RequestContext } from '../runtime/wx';
import { loadMember } from './get-profile';
import { memberCodeKey } from './member-code-key';

/** Issues the caller's current member code, shown as a QR code and as digits at the till. */
export async function issueMemberCode(ctx: RequestContext, openid: string): Promise<MemberCodeView> {
  const key = memberCodeKey();
  const member = await loadMember(ctx, openid);
  const signed = signMemberCode(key, { memberId: member._id, memberNo: member.memberNo }, ctx.now);
  return { ...signed, memberNo: member.memberNo, issuedAt: ctx.now };
}
