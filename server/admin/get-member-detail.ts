import { adminMay } from '~/core/access/admin-permissions';
import { phoneFor } from '~/core/access/member-data';
import { CodedError } from '~/core/coded-error';
import { approvalThreshold } from '~/core/points/approval';
import { availableAt } from '~/core/points/expiry';
import type { MemberDetail } from '~/types/functions/admin-members';
import { MEMBER_RECORD_KINDS } from '~/types/functions/admin-members';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { loadMemberTier } from '../tiers/member-tier';
import type { TokenClaims } from './credentials';
import { listMemberRecords } from './list-member-records';

/** Rows of each list the detail opens with; the page asks for more with listMemberRecords. */
export const DETAIL_PAGE_SIZE = 10;

/**
 * Everything the member desk shows of one member, read in parallel: the profile (the phone as the
 * admin's role may see it), the tier with its review dates and override, the points with their
 * buckets and pending lots, and the first page of each list (ledger, orders, coupons,
 * redemptions, check-ins, in-store visits, tier history, approvals).
 */
export async function getMemberDetail(ctx: RequestContext, { memberId }: { memberId: string }, admin: TokenClaims): Promise<MemberDetail> {
  const member = await ctx.db.collection('members').get(memberId);
  if (!member) throw new CodedError('NOT_FOUND', '会员不存在');
  const [{ programme }, { tier, tiers }, pendingLots, pages] = await Promise.all([
    loadProgramme(ctx),
    loadMemberTier(ctx, member),
    ctx.db.collection('point_lots').find({ memberId, state: 'pending' }, { orderBy: [['expiresAt', 'asc']], limit: 100 }),
    Promise.all(MEMBER_RECORD_KINDS.map((kind) => listMemberRecords(ctx, { memberId, kind, pageSize: DETAIL_PAGE_SIZE }, admin))),
  ]);
  const records = Object.fromEntries(MEMBER_RECORD_KINDS.map((kind, i) => [kind, pages[i]])) as MemberDetail['records'];
  const may = (action: Parameters<typeof adminMay>[1]) => adminMay(admin.role, action);
  return {
    member: {
      memberId: member._id,
      memberNo: member.memberNo,
      nickname: member.nickname,
      avatarUrl: member.avatarUrl,
      gender: member.gender,
      phone: phoneFor(admin.role, member.phone),
      birthday: member.birthday,
      marketingConsent: member.consent.marketing,
      status: member.status,
      joinedAt: member.joinedAt,
      lastPaidAt: member.lastPaidAt ?? null,
    },
    tier,
    tiers: [...tiers].sort((a, b) => a.rank - b.rank).map((one) => ({ id: one._id, name: one.name, rank: one.rank })),
    points: {
      available: availableAt(member.points, ctx.now),
      pending: member.points.pending,
      lifetimeEarned: member.points.lifetimeEarned,
      negative: member.points.available < 0,
      buckets: member.points.buckets
        .filter((bucket) => bucket.expiresAt > ctx.now && bucket.points !== 0)
        .map((bucket) => ({ id: bucket.id, points: bucket.points, expiresAt: bucket.expiresAt })),
      pendingLots: pendingLots
        .filter((lot) => lot.remaining > 0)
        .map((lot) => ({ id: lot._id, points: lot.remaining, availableAt: lot.pendingUntil, entryId: lot.entryId })),
    },
    approvalThreshold: approvalThreshold(programme),
    records,
    can: {
      adjustPoints: may('adjustPoints'),
      setTierOverride: may('setTierOverride'),
      setMemberBirthday: may('setMemberBirthday'),
      voidCoupon: may('voidCoupon'),
      decideApprovals: may('approveAdjustment'),
    },
  };
}
