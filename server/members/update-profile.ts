import type { MemberDoc } from '~/types/documents';
import type { MemberResponses } from '~/types/functions/member';
import type { RequestContext } from '../runtime/wx';
import { phoneLookupKey } from './phone-hash-key';
import { bonusIfComplete } from './profile-bonus';
import { loadMember, profileOf } from './get-profile';

/** Changes the member's nickname, avatar, gender or phone. */
export async function updateProfile(
  ctx: RequestContext,
  openid: string,
  input: { nickname?: string; avatarUrl?: string; gender?: MemberDoc['gender']; phone?: string | null },
): Promise<MemberResponses['updateProfile']> {
  const member = await loadMember(ctx, openid);
  const fields = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<MemberDoc>;
  // The phone's lookup key changes with it, in the same write, so a search by phone never finds a stale number.
  if (input.phone !== undefined) fields.phoneHash = input.phone === null ? null : phoneLookupKey(input.phone);
  await ctx.db.collection('members').updateWhere({ _id: member._id, status: 'active' }, { ...fields, updatedAt: ctx.now });
  const updated = { ...member, ...fields };
  return { ...(await profileOf(ctx, updated)), bonusPoints: await bonusIfComplete(ctx, updated) };
}
