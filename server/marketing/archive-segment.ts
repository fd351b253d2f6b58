import { CodedError } from '~/core/coded-error';
import type { SegmentView } from '~/types/functions/marketing-segments';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

/** Archives an active segment, with its audit entry; archiving it again answers it unchanged. */
export async function archiveSegment(ctx: RequestContext, input: { segmentId: string }, admin: TokenClaims): Promise<SegmentView> {
  const archived = await updateWithAudit(ctx, {
    collection: 'segments',
    id: input.segmentId,
    expected: (doc) => doc.status === 'active',
    change: { status: 'archived', updatedAt: ctx.now },
    audit: (before) => ({
      actor: adminActor(admin),
      action: 'archiveSegment',
      target: { type: 'segment', id: input.segmentId },
      before: { name: before.name, status: before.status },
      after: { name: before.name, status: 'archived' },
    }),
  });
  if (archived) return archived;
  const found = await ctx.db.collection('segments').get(input.segmentId);
  if (!found) throw new CodedError('NOT_FOUND', '分群不存在');
  return found;
}
