import { CodedError } from '~/core/coded-error';
import type { SegmentView } from '~/types/functions/marketing-segments';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { countSegmentMembers } from './preview-segment';

/**
 * Counts a saved segment's members now (the database's count over the profiles) and keeps the
 * count on the segment, with its audit entry. The count is stored only while the rule is the one
 * counted: an edit meanwhile leaves the segment as the edit left it.
 */
export async function countSegment(ctx: RequestContext, input: { segmentId: string }, admin: TokenClaims): Promise<SegmentView> {
  const segment = await ctx.db.collection('segments').get(input.segmentId);
  if (!segment) throw new CodedError('NOT_FOUND', '分群不存在');
  const count = await countSegmentMembers(ctx, segment.rule, ctx.now);
  const counted = await updateWithAudit(ctx, {
    collection: 'segments',
    id: segment._id,
    expected: (doc) => doc.updatedAt === segment.updatedAt,
    change: { lastCount: count, countedAt: ctx.now },
    audit: (before) => ({
      actor: adminActor(admin),
      action: 'countSegment',
      target: { type: 'segment', id: segment._id },
      before: { lastCount: before.lastCount, countedAt: before.countedAt },
      after: { lastCount: count, countedAt: ctx.now },
    }),
  });
  return counted ?? { ...segment, lastCount: count, countedAt: ctx.now };
}
