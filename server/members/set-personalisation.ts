import type { MemberProfile } from '~/types/functions/member';
import { updateProfileFields } from '../marketing/ensure-profile';
import type { RequestContext } from '../runtime/wx';
import { loadMember, profileOf } from './get-profile';

/**
 * Records the member's choice about personalised marketing, with its time, and copies it to the
 * member's marketing profile at once, so segments and campaigns leave them out (or take them
 * back) before the nightly refresh. Off keeps tier perks and coupons open to every member.
 */
export async function setPersonalisation(ctx: RequestContext, openid: string, personalised: boolean): Promise<MemberProfile> {
  const member = await loadMember(ctx, openid);
  const consent = { ...member.consent, personalised, personalisedAt: ctx.now };
  await ctx.db
    .collection('members')
    .updateWhere({ _id: member._id }, { 'consent.personalised': personalised, 'consent.personalisedAt': ctx.now, updatedAt: ctx.now });
  const updated = { ...member, consent };
  await updateProfileFields(ctx, updated, { personalised });
  return profileOf(ctx, updated);
}
