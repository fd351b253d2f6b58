import { tierName } from '~/core/tiers/default-programme';
import type { MemberDoc } from '~/types/documents';
import type { AdminResponses, MemberRow } from '~/types/functions/admin';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { availableAt } from '~/core/points/expiry';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toRow(member: MemberDoc, now: number): MemberRow {
  return {
    memberId: member._id,
    memberNo: member.memberNo,
    nickname: member.nickname,
    tierId: member.tierId,
    tierName: tierName(member.tierId),
    pointsAvailable: availableAt(member.points, now),
    joinedAt: member.joinedAt,
  };
}

/**
 * Newest members first, a page at a time by keyset paging on (joinedAt, _id). A ten-digit
 * keyword is a member number; anything else matches nicknames.
 */
export async function listMembers(
  ctx: RequestContext,
  input: { keyword?: string; pageSize: number; cursor?: string },
): Promise<AdminResponses['listMembers']> {
  const query = !input.keyword
    ? {}
    : /^\d{10}$/.test(input.keyword)
      ? { memberNo: input.keyword }
      : { nickname: ctx.db.regExp(escapeRegExp(input.keyword), 'i') };
  const members = ctx.db.collection('members');
  const { items, nextCursor } = await keysetPage(members, ctx.db.command, query, { field: 'joinedAt', direction: 'desc' }, input);
  return { items: items.map((member) => toRow(member, ctx.now)), nextCursor };
}
