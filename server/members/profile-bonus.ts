import { hasCode } from '~/core/coded-error';
import { profileComplete } from '~/core/members/profile';
import type { MemberDoc } from '~/types/documents';
import type { Points } from '~/types/units';
import { awardProfileBonus } from '../points/award-profile-bonus';
import type { RequestContext } from '../runtime/wx';
import { personKey } from './first-join';

/** Once the profile is complete, the one-time bonus (once per person: idempotent on `profile:<personKey>`). */
export async function bonusIfComplete(ctx: RequestContext, member: MemberDoc): Promise<Points> {
  if (!profileComplete(member)) return 0;
  try {
    const posted = await awardProfileBonus(ctx, member._id, personKey(member.openid));
    return posted?.created ? posted.entry.available : 0;
  } catch (error) {
    // The person had the bonus on an earlier, deleted account: the key belongs to that member.
    if (hasCode(error, 'CONFLICT')) return 0;
    throw error;
  }
}
