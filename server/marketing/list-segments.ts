import type { SegmentView } from '~/types/functions/marketing-segments';
import type { RequestContext } from '../runtime/wx';

/** The most segments listed: a brand keeps tens of them. */
const LIST_LIMIT = 200;

/** Segments, last changed first: the active ones, and archived ones too when asked. */
export async function listSegments(ctx: RequestContext, input: { includeArchived?: boolean }): Promise<{ items: SegmentView[] }> {
  const items = await ctx.db.collection('segments').find(input.includeArchived ? {} : { status: 'active' }, {
    orderBy: [
      ['updatedAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: LIST_LIMIT,
  });
  return { items };
}
