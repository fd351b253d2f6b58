import { toMemberCard } from '~/core/staff/member-card';
import { CodedError } from '~/core/coded-error';
import type { MemberDoc } from '~/types/documents';
import type { MemberCard } from '~/types/functions/staff';
import type { TillSessionDoc } from '~/types/staff';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/** How many recent in-store visits the card shows. */
const VISITS = 5;

/** The member card of a till session: tier and perks, points, usable coupons, rewards awaiting pickup, recent visits. */
export async function getMemberCard(ctx: RequestContext, session: TillSessionDoc, known?: MemberDoc): Promise<MemberCard> {
  const [member, { tiers }, coupons, pickups, visits] = await Promise.all([
    known ?? ctx.db.collection('members').get(session.memberId),
    loadProgramme(ctx),
    ctx.db.collection('coupon_instances').find({ memberId: session.memberId, status: 'issued' }, { limit: 100 }),
    ctx.db.collection('redemptions').find({ memberId: session.memberId, status: 'awaitingPickup' }, { limit: 20 }),
    ctx.db.collection('store_sales').find({ memberId: session.memberId }, { orderBy: [['createdAt', 'desc']], limit: VISITS }),
  ]);
  if (!member || member.status !== 'active') throw new CodedError('NOT_A_MEMBER', '会员不存在或已注销');
  return toMemberCard({
    session,
    member,
    tier: tierOf(tiers, member.tierId),
    coupons,
    pickups,
    visits,
    now: ctx.now,
  });
}
