import { CodedError } from '~/core/coded-error';
import { movedCounts } from '~/core/marketing/tag-rules';
import type { MemberDoc } from '~/types/documents';
import type { TagDefinitionDoc } from '~/types/marketing';
import type { AuditActor } from '~/types/staff';
import { changeWithAudit } from '../audit/change-with-audit';
import { auditEntry } from '../audit/write-audit';
import type { Transaction } from '../db/run-transaction';
import type { RequestContext } from '../runtime/wx';
import { readProfileInTx } from './ensure-profile';

/** One member's new value of a tag (null clears it). */
export interface TagAssignment {
  member: MemberDoc;
  value: string | null;
}

/** Who assigns, why, and under which audit action (`setMemberTag`, `importMemberTags`, `setMemberTagAtTill`, a rule's …). */
export interface AssignmentSource {
  actor: AuditActor;
  action: string;
  reason?: string;
}

/** The tag, refused when it is unknown or archived; and a value it does not allow. */
function checkTag(def: TagDefinitionDoc | null, tagId: string, values: (string | null)[]): TagDefinitionDoc {
  if (!def) throw new CodedError('NOT_FOUND', `标签 ${tagId} 不存在`);
  if (def.status !== 'active') throw new CodedError('INVALID_STATE', `标签「${def.name}」已归档`);
  const bad = values.find((value) => value !== null && !def.values.includes(value));
  if (bad !== undefined) throw new CodedError('VALIDATION_FAILED', `「${bad}」不是标签「${def.name}」的可选值`, { field: 'value' });
  return def;
}

/**
 * Sets one tag for a few members in one transaction: each member's `special.<tagId>` (creating a
 * neutral profile where the daily refresh has made none), the definition's per-value counts and
 * one audit entry per member changed. The transaction reads every document it writes, so a
 * concurrent assignment, edit or refresh is a conflict and a re-run, and the counts stay exact; a
 * member already holding the asked value is left alone, so a retry changes nothing and writes no
 * second entry. Answers how many members changed.
 */
export async function assignMemberTags(
  ctx: RequestContext,
  tagId: string,
  assignments: readonly TagAssignment[],
  source: AssignmentSource,
): Promise<number> {
  const remove = ctx.db.command.remove();
  return changeWithAudit(ctx, async (tx: Transaction) => {
    const defRef = tx.collection('tag_definitions').doc(tagId);
    const def = checkTag(
      (await defRef.get()).data,
      tagId,
      assignments.map((a) => a.value),
    );
    let counts = def.counts ?? {};
    let changed = 0;
    for (const { member, value } of assignments) {
      const { profile, exists } = await readProfileInTx(tx, member);
      const before = profile.special?.[tagId] ?? null;
      if (before === value) continue;
      const ref = tx.collection('member_profiles').doc(member._id);
      if (!exists) {
        const { _id, ...fields } = profile;
        await ref.set({ data: { ...fields, special: value === null ? {} : { [tagId]: value } } });
      } else await ref.update({ data: { [`special.${tagId}`]: value === null ? remove : value } });
      counts = movedCounts(counts, before, value);
      changed += 1;
      await tx.collection('audit_log').add({
        data: auditEntry(ctx, {
          _id: `audit:${source.action}:${member._id}:${tagId}:${ctx.now}:${ctx.requestId ?? ''}:${changed}`,
          actor: source.actor,
          action: source.action,
          target: { type: 'member', id: member._id },
          memberId: member._id,
          before: { tagId, tagName: def.name, value: before },
          after: { tagId, tagName: def.name, value, ...(source.reason ? { reason: source.reason } : {}) },
        }),
      });
    }
    if (changed > 0) {
      const { _id, ...fields } = def;
      await defRef.set({ data: { ...fields, counts } });
    }
    return { value: changed, audit: null };
  });
}

/** Loads a member a tag is set for: refused when unknown or deleted. */
export async function loadTaggableMember(ctx: RequestContext, memberId: string): Promise<MemberDoc> {
  const member = await ctx.db.collection('members').get(memberId);
  if (!member || member.status !== 'active') throw new CodedError('NOT_FOUND', '会员不存在或已注销');
  return member;
}

/**
 * Sets one special tag of one member (null clears it), with its audit entry and the tag's counts,
 * for any caller: the admin page, the till, a CSV import or a segment rule. Answers whether it
 * changed anything (false: the member already held that value).
 */
export async function assignMemberTag(
  ctx: RequestContext,
  input: { memberId: string; tagId: string; value: string | null; actor: AuditActor; reason?: string; action?: string },
): Promise<{ changed: boolean }> {
  const member = await loadTaggableMember(ctx, input.memberId);
  const changed = await assignMemberTags(ctx, input.tagId, [{ member, value: input.value }], {
    actor: input.actor,
    action: input.action ?? 'setMemberTag',
    reason: input.reason,
  });
  return { changed: changed > 0 };
}
