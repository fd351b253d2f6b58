import { tierName } from '~/core/tiers/default-programme';
import type { MemberDoc } from '~/types/documents';
import type { AdminResponses, MemberRow } from '~/types/functions/admin';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';

interface Cursor {
  t: number;
  id: string;
}

function encodeCursor(member: MemberDoc): string {
  return Buffer.from(JSON.stringify({ t: member.joinedAt, id: member._id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.t === 'number' && typeof parsed.id === 'string') return parsed;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor from this list', { field: 'cursor' });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toRow(member: MemberDoc): MemberRow {
  return {
    memberId: member._id,
    memberNo: member.memberNo,
    nickname: member.nickname,
    tierId: member.tierId,
    tierName: tierName(member.tierId),
    pointsAvailable: member.points.available,
    joinedAt: member.joinedAt,
  };
}

/**
 * Newest members first, a page at a time, by a (joinedAt, _id) cursor rather than skip, so
 * deep pages cost the same as the first. A ten-digit keyword is a member number; anything
 * else matches nicknames.
 */
export async function listMembers(
  input: { keyword?: string; pageSize: number; cursor?: string },
  ctx: RequestContext,
): Promise<AdminResponses['listMembers']> {
  const _ = ctx.db.command;
  const conditions: Record<string, unknown>[] = [];
  if (input.keyword) {
    conditions.push(
      /^\d{10}$/.test(input.keyword) ? { memberNo: input.keyword } : { nickname: ctx.db.regExp(escapeRegExp(input.keyword), 'i') },
    );
  }
  if (input.cursor) {
    const { t, id } = decodeCursor(input.cursor);
    conditions.push(_.or([{ joinedAt: _.lt(t) }, { joinedAt: t, _id: _.lt(id) }]));
  }
  const query = conditions.length === 0 ? {} : conditions.length === 1 ? (conditions[0] as Record<string, unknown>) : _.and(conditions);
  const page = await ctx.db.collection<MemberDoc>('members').find(query, {
    orderBy: [
      ['joinedAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: input.pageSize + 1,
  });
  const items = page.slice(0, input.pageSize);
  const last = items[items.length - 1];
  return { items: items.map(toRow), nextCursor: page.length > input.pageSize && last ? encodeCursor(last) : null };
}
