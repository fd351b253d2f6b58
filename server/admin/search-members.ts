import { CodedError } from '~/core/coded-error';
import { toMemberSearchRow } from '~/core/members/member-desk-views';
import type { MemberSearchBy } from '~/core/members/member-search';
import { prefixUpperBound, readMemberQuery, reversedMemberNo } from '~/core/members/member-search';
import type { MemberDoc } from '~/types/documents';
import type { AdminMembersResponses } from '~/types/functions/admin-members';
import { phoneLookupKey } from '../members/phone-hash-key';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { TokenClaims } from './credentials';

/** Where a search stands: in phase `p` (0: the number's start, 1: its end; 0 for nicknames), after key `k` (and `_id` `id`). */
interface SearchCursor {
  p: number;
  k: string;
  id: string;
}

function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeSearchCursor(text: string | undefined): SearchCursor | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<SearchCursor> | null;
    if (parsed && (parsed.p === 0 || parsed.p === 1) && typeof parsed.k === 'string' && typeof parsed.id === 'string')
      return { p: parsed.p, k: parsed.k, id: parsed.id };
  } catch {
    // fall through to the error below
  }
  throw new CodedError('VALIDATION_FAILED', 'cursor: not a cursor from this search', { field: 'cursor' });
}

type Field = 'memberNo' | 'memberNoReversed' | 'nickname';

/**
 * Up to `limit` members whose `field` starts with `prefix`, in (`field`, `_id`) order, after
 * `after`. Keyset paging on an index, as exact ranges (`field = k, _id > id`, then `field > k`),
 * so a page deep in a common prefix (every default nickname starts with 会员) costs what the first does.
 */
async function prefixPage(
  ctx: RequestContext,
  field: Field,
  prefix: string,
  after: { k: string; id: string } | null,
  limit: number,
): Promise<MemberDoc[]> {
  const _ = ctx.db.command;
  const members = ctx.db.collection('members');
  const order: [string, 'asc' | 'desc'][] = [
    [field, 'asc'],
    ['_id', 'asc'],
  ];
  const upper = prefixUpperBound(prefix);
  const range = [{ [field]: after ? _.gt(after.k) : _.gte(prefix) }, ...(upper === null ? [] : [{ [field]: _.lt(upper) }])];
  const ties = after ? await members.find({ [field]: after.k, _id: _.gt(after.id) }, { orderBy: order, limit }) : [];
  const rest = ties.length < limit ? await members.find(_.and(range), { orderBy: order, limit: limit - ties.length }) : [];
  // Without an upper bound (a prefix ending in U+FFFF) the range runs on past the prefix: stop where it does.
  const found = [...ties, ...rest];
  const past = found.findIndex((member) => !String(member[field] ?? '').startsWith(prefix));
  return past < 0 ? found : found.slice(0, past);
}

/**
 * Finds members for the member desk: by phone (the keyed hash of the whole number), by member
 * number (all ten digits, or its first or last 3–9 digits: the start through the unique index on
 * the number, the end through the index on the reversed number; members matching both come once,
 * in the first part), or by the start of a nickname. Every search is an index range; the phone
 * shows masked unless the admin's role may see it.
 */
export async function searchMembers(
  ctx: RequestContext,
  input: { query: string; by: MemberSearchBy; pageSize: number; cursor?: string },
  admin: TokenClaims,
): Promise<AdminMembersResponses['searchMembers']> {
  const query = readMemberQuery(input.query, input.by);
  if (query.kind === 'invalid') throw new CodedError('VALIDATION_FAILED', query.message, { field: 'query' });
  const at = decodeSearchCursor(input.cursor);
  const members = ctx.db.collection('members');
  const limit = input.pageSize + 1;
  let found: MemberDoc[] = [];
  let phaseOf = (_member: MemberDoc) => 0;
  let keyOf = (member: MemberDoc) => member.nickname;

  switch (query.kind) {
    case 'phone':
      // A number belongs to a few members at most (one who deleted their account and joined again).
      found = await members.find({ phoneHash: phoneLookupKey(query.phone) }, { orderBy: [['_id', 'asc']], limit: 100 });
      break;
    case 'memberNo':
      found = await members.find({ memberNo: query.memberNo }, { limit: 1 });
      break;
    case 'nickname':
      found = await prefixPage(ctx, 'nickname', query.prefix, at, limit);
      break;
    case 'memberNoPart': {
      const { digits } = query;
      const starts = !at || at.p === 0 ? await prefixPage(ctx, 'memberNo', digits, at, limit) : [];
      const ends: MemberDoc[] = [];
      let after: { k: string; id: string } | null = at?.p === 1 ? at : null;
      while (starts.length + ends.length < limit) {
        const page = await prefixPage(ctx, 'memberNoReversed', reversedMemberNo(digits), after, limit);
        ends.push(...page.filter((member) => !member.memberNo.startsWith(digits)));
        const tail = page[page.length - 1];
        if (page.length < limit || !tail) break;
        after = { k: tail.memberNoReversed ?? '', id: tail._id };
      }
      found = [...starts, ...ends];
      const fromEnd = new Set(ends.map((member) => member._id));
      phaseOf = (member) => (fromEnd.has(member._id) ? 1 : 0);
      keyOf = (member) => (fromEnd.has(member._id) ? (member.memberNoReversed ?? '') : member.memberNo);
      break;
    }
  }

  const { tiers } = await loadProgramme(ctx);
  const tierName = (id: string) => tiers.find((tier) => tier._id === id)?.name ?? id;
  const items = found.slice(0, input.pageSize);
  const last = items[items.length - 1];
  const paged = query.kind === 'nickname' || query.kind === 'memberNoPart';
  const nextCursor =
    paged && last && found.length > input.pageSize ? encodeSearchCursor({ p: phaseOf(last), k: keyOf(last), id: last._id }) : null;
  return {
    by: query.kind,
    items: items.map((member) => toMemberSearchRow(member, admin.role, ctx.now, tierName)),
    nextCursor,
  };
}
