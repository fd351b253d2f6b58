import type { SegmentRule } from '~/types/marketing';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import { segmentWhere } from './segment-where';

/** The most profiles one page examines: the server's cap on documents per get. */
export const SEGMENT_PAGE_MAX = 1000;

/**
 * One page of a segment's members as of `asOf`, for freezing a campaign's snapshot: the next
 * `limit` profiles (at most 1,000) after `cursor` in `_id` order, and which of them the rule
 * takes. Each page reads a window of `_id`s first and then which of those ids the rule takes, so a
 * page costs at most two bounded reads however rare the segment: a page may hold fewer than
 * `limit` ids, even none, while `next` is not null. Follow `next` (the window's last `_id`)
 * until it is null; the pages then hold every matching member exactly once, in `_id` order.
 */
export async function segmentPage(
  ctx: RequestContext,
  rule: SegmentRule,
  asOf: EpochMs,
  cursor: string | null,
  limit: number,
): Promise<{ memberIds: string[]; next: string | null }> {
  const _ = ctx.db.command;
  const profiles = ctx.db.collection('member_profiles');
  const size = Math.min(Math.max(1, Math.floor(limit)), SEGMENT_PAGE_MAX);
  const after = cursor === null ? null : { _id: _.gt(cursor) };
  const window = await profiles.find(after ?? {}, { orderBy: [['_id', 'asc']], limit: size, fields: ['_id'] });
  const last = window.at(-1)?._id;
  if (last === undefined) return { memberIds: [], next: null };
  const next = window.length < size ? null : last;
  const ids = window.map((profile) => profile._id);
  if (rule.groups.length === 0) return { memberIds: ids, next };
  // The window's ids pin the read to them (a read by key), whatever indexes the rule's fields have.
  const matching = await profiles.find(segmentWhere(_, rule, asOf, { _id: _.in(ids) }), {
    orderBy: [['_id', 'asc']],
    limit: size,
    fields: ['_id'],
  });
  return { memberIds: matching.map((profile) => profile._id), next };
}
