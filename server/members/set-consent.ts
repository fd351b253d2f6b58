import type { MemberProfile } from '~/types/functions/member';
import type { RequestContext } from '../runtime/wx';
import { loadMember, profileOf } from './get-profile';

/**
 * Records the member's choice about marketing messages. A consent puts the member (back) in the
 * comeback coupon's sweep, which left them out while they had none.
 */
export async function setConsent(ctx: RequestContext, openid: string, marketing: boolean): Promise<MemberProfile> {
  const member = await loadMember(ctx, openid);
  const consent = { marketing, updatedAt: ctx.now };
  const comeback = marketing && member.comebackDueAt == null ? { comebackDueAt: ctx.now } : {};
  await ctx.db.collection('members').updateWhere({ _id: member._id }, { consent, ...comeback, updatedAt: ctx.now });
  return profileOf(ctx, { ...member, consent });
}
