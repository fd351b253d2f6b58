import { addDays, startOfDay } from '~/core/calendar/shanghai';
import { CodedError } from '~/core/coded-error';
import type { AdminRewardsResponses } from '~/types/functions/admin-rewards';
import type { RedemptionDoc } from '~/types/rewards';
import type { TokenClaims } from '~/server/admin/credentials';
import { keysetPage } from '../db/keyset-page';
import { findMemberIdsByPhone } from '../members/find-member-ids-by-phone';
import type { RequestContext } from '../runtime/wx';
import { redemptionMembers, toAdminRedemptionRow } from './admin-redemption-view';

export interface RedemptionSearch {
  rewardId?: string;
  status?: RedemptionDoc['status'];
  /** A 10-digit member number or an 11-digit mobile number. */
  member?: string;
  /** Shanghai days, both included. */
  createdFrom?: string;
  createdTo?: string;
  pageSize: number;
  cursor?: string;
}

/** The members a search names: a 10-digit member number exactly, or an 11-digit mobile number. */
async function memberIdsOf(ctx: RequestContext, member: string): Promise<string[]> {
  if (/^[0-9]{10}$/.test(member)) {
    const found = await ctx.db.collection('members').findOne({ memberNo: member });
    return found ? [found._id] : [];
  }
  return findMemberIdsByPhone(ctx, member);
}

/**
 * One page of all redemptions, newest first, narrowed by reward, status, member and the days
 * they were made, with the total that matches (counted by the database) and each row's member,
 * phone masked unless the admin's role needs it.
 */
export async function listRedemptions(
  ctx: RequestContext,
  input: RedemptionSearch,
  admin: TokenClaims,
): Promise<AdminRewardsResponses['listRedemptions']> {
  const _ = ctx.db.command;
  if (input.createdFrom && input.createdTo && input.createdFrom > input.createdTo)
    throw new CodedError('VALIDATION_FAILED', 'createdTo: 结束日期不能早于开始日期', { field: 'createdTo' });
  const where: Record<string, unknown>[] = [];
  if (input.rewardId) where.push({ rewardId: input.rewardId });
  if (input.status) where.push({ status: input.status });
  if (input.member) {
    const memberIds = await memberIdsOf(ctx, input.member);
    if (memberIds.length === 0) return { items: [], nextCursor: null, total: 0 };
    where.push({ memberId: memberIds.length === 1 ? memberIds[0] : _.in(memberIds) });
  }
  if (input.createdFrom) where.push({ createdAt: _.gte(startOfDay(input.createdFrom)) });
  if (input.createdTo) where.push({ createdAt: _.lt(addDays(startOfDay(input.createdTo), 1)) });
  const query = where.length === 0 ? {} : where.length === 1 ? (where[0] as Record<string, unknown>) : _.and(where);
  const redemptions = ctx.db.collection('redemptions');
  const [page, total] = await Promise.all([
    keysetPage(redemptions, _, query, { field: 'createdAt', direction: 'desc' }, input),
    redemptions.count(query),
  ]);
  const members = await redemptionMembers(ctx, admin.role, page.items);
  return {
    items: page.items.map((redemption) => toAdminRedemptionRow(redemption, members.get(redemption.memberId) ?? null)),
    nextCursor: page.nextCursor,
    total,
  };
}
