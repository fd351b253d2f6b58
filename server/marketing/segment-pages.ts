import { matchesSegment } from '~/core/marketing/segment-match';
import type { SegmentRule } from '~/types/marketing';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/**
 * One page of the members a rule matches as of `asOf`: member_profiles read in `_id` order after
 * `cursor`, `limit` at a time, and matched in memory. A page may hold fewer than `limit` members
 * (or none) while `next` is not null; `next` is null once the profiles are read to the end.
 */
export async function segmentPage(
  ctx: RequestContext,
  rule: SegmentRule,
  asOf: EpochMs,
  cursor: string | null,
  limit: number,
): Promise<{ memberIds: string[]; next: string | null }> {
  const _ = ctx.db.command;
  const profiles = await ctx.db
    .collection('member_profiles')
    .find(cursor === null ? {} : { _id: _.gt(cursor) }, { orderBy: [['_id', 'asc']], limit });
  const last = profiles.at(-1);
  return {
    memberIds: profiles.filter((profile) => matchesSegment(rule, profile, asOf)).map((profile) => profile._id),
    next: profiles.length === limit && last ? last._id : null,
  };
}
