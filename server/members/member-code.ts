import { checkMemberCode, parseMemberCode, signMemberCode } from '~/core/members/member-code';
import type { MemberDoc } from '~/types/documents';
import type { MemberCodeView } from '~/types/functions/member';
import type { RequestContext } from '../runtime/wx';
import { loadMember } from './get-profile';
import { CodedError } from '~/core/coded-error';

/** The environment variable of the `member` function that holds the signing secret. */
export const MEMBER_CODE_SECRET_ENV = 'LM_MEMBER_CODE_SECRET';

const MIN_SECRET_LENGTH = 32;

/** The signing secret; refuses to work without one rather than sign with a guessable key. */
function memberCodeSecret(): string {
  const secret = process.env[MEMBER_CODE_SECRET_ENV];
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    console.error(`[member] ${MEMBER_CODE_SECRET_ENV} is not set (or shorter than ${MIN_SECRET_LENGTH} characters) on the member function`);
    throw new CodedError('NOT_AVAILABLE', `member codes are not configured: set ${MEMBER_CODE_SECRET_ENV} on the member function`);
  }
  return secret;
}

/** Issues the caller's current member code, shown as a QR code and as digits at the till. */
export async function issueMemberCode(ctx: RequestContext, openid: string): Promise<MemberCodeView> {
  const secret = memberCodeSecret();
  const member = await loadMember(ctx, openid);
  const signed = signMemberCode(secret, { memberId: member._id, memberNo: member.memberNo }, ctx.now);
  return { ...signed, memberNo: member.memberNo, issuedAt: ctx.now };
}

/**
 * Finds the member a scanned or typed code belongs to, for the staff till. Fails with
 * NOT_FOUND for a code that is not a current member's, and INVALID_STATE for an old one.
 */
export async function verifyMemberCode(ctx: RequestContext, code: string): Promise<MemberDoc> {
  const secret = memberCodeSecret();
  const parsed = parseMemberCode(code);
  if (!parsed) throw new CodedError('VALIDATION_FAILED', 'code: must be the 18 digits of a member code', { field: 'code' });
  const member = await ctx.db.collection('members').findOne({ memberNo: parsed.memberNo, status: 'active' });
  const check = member ? checkMemberCode(secret, { memberId: member._id, memberNo: member.memberNo }, code, ctx.now) : 'invalid';
  if (check === 'expired') throw new CodedError('INVALID_STATE', '会员码已过期，请让会员刷新后重新出示');
  if (!member || check !== 'valid') throw new CodedError('NOT_FOUND', '会员码无效');
  return member;
}
