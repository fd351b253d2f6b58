import { CodedError } from '~/core/coded-error';
import type { SegmentView } from '~/types/functions/marketing-segments';
import type { SegmentDoc, SegmentRule } from '~/types/marketing';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

export interface SaveSegmentInput {
  segmentId?: string;
  requestKey: string;
  name: string;
  description: string;
  rule: SegmentRule;
}

const described = (doc: Pick<SegmentDoc, 'name' | 'description' | 'rule'>) => ({
  name: doc.name,
  description: doc.description,
  rule: doc.rule,
});

/** Refuses a name another active segment has (checked before the write: unique enough for a handful of admins). */
async function requireFreeName(ctx: RequestContext, name: string, ownId: string): Promise<void> {
  const _ = ctx.db.command;
  const taken = await ctx.db.collection('segments').findOne({ name, status: 'active', _id: _.neq(ownId) });
  if (taken) throw new CodedError('CONFLICT', `分群名称「${name}」已被使用`, { field: 'name' });
}

/**
 * Creates a segment, `seg-<requestKey>` (a retried create finds it made and answers it), or
 * updates an active one's name, description and rule; either with its audit entry. A changed
 * rule drops the last count, which counted another rule.
 */
export async function saveSegment(ctx: RequestContext, input: SaveSegmentInput, admin: TokenClaims): Promise<SegmentView> {
  const id = input.segmentId ?? `seg-${input.requestKey}`;
  await requireFreeName(ctx, input.name, id);
  const fields = { name: input.name, description: input.description, rule: input.rule };
  const saved = await changeWithAudit<SegmentDoc | null>(ctx, async (tx) => {
    const ref = tx.collection('segments').doc(id);
    const found = (await ref.get()).data;
    if (input.segmentId === undefined) {
      if (found) return { value: found, audit: null };
      const doc: SegmentDoc = {
        _id: id,
        ...fields,
        lastCount: null,
        countedAt: null,
        status: 'active',
        createdBy: admin.sub,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const { _id, ...data } = doc;
      await ref.set({ data });
      return {
        value: doc,
        audit: { actor: adminActor(admin), action: 'createSegment', target: { type: 'segment', id }, after: described(doc) },
      };
    }
    if (!found || found.status !== 'active') return { value: null, audit: null };
    const ruleChanged = JSON.stringify(found.rule) !== JSON.stringify(input.rule);
    const change = { ...fields, updatedAt: ctx.now, ...(ruleChanged ? { lastCount: null, countedAt: null } : {}) };
    // A nested object in update data is merged key by key; the rule is replaced whole.
    await ref.update({ data: { ...change, rule: ctx.db.command.set(input.rule) } });
    const after = { ...found, ...change };
    return {
      value: after,
      audit: {
        actor: adminActor(admin),
        action: 'updateSegment',
        target: { type: 'segment', id },
        before: described(found),
        after: described(after),
      },
    };
  });
  if (!saved) throw new CodedError('NOT_FOUND', '分群不存在或已归档');
  return saved;
}
