import { CodedError } from '~/core/coded-error';
import { heldValuesRemoved, normaliseTagValues, tagIdFromName } from '~/core/marketing/tag-rules';
import type { TagDefinitionDoc } from '~/types/marketing';
import type { MarketingTagsResponses } from '~/types/functions/marketing-tags';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

const fieldsView = (def: TagDefinitionDoc) => ({ name: def.name, values: def.values, staffCanSet: def.staffCanSet, status: def.status });

/**
 * An admin creates or edits a special tag, with its audit entry in the same transaction. A create
 * on a taken id answers the tag when it is the same (a retry), else CONFLICT. An edit may not take
 * away a value members hold: it is refused with how many hold each, and changes nothing. The
 * transaction reads the counts an assignment changes, so the check cannot miss a concurrent one.
 */
export async function saveTagDefinition(
  ctx: RequestContext,
  input: { mode: 'create' | 'update'; tagId?: string; name: string; values: string[]; staffCanSet: boolean },
  admin: TokenClaims,
): Promise<MarketingTagsResponses['saveTagDefinition']> {
  const checked = normaliseTagValues(input.values);
  if ('error' in checked) throw new CodedError('VALIDATION_FAILED', `values: ${checked.error}`, { field: 'values' });
  if (input.mode === 'update' && !input.tagId) throw new CodedError('VALIDATION_FAILED', 'tagId: 请指定要修改的标签', { field: 'tagId' });
  const tagId = input.tagId ?? tagIdFromName(input.name);
  const fields = { name: input.name, values: checked.values, staffCanSet: input.staffCanSet };

  return changeWithAudit<MarketingTagsResponses['saveTagDefinition']>(ctx, async (tx) => {
    const ref = tx.collection('tag_definitions').doc(tagId);
    const found = (await ref.get()).data;
    const audit = (before: TagDefinitionDoc | null, after: TagDefinitionDoc) => ({
      actor: adminActor(admin),
      action: 'saveTagDefinition',
      target: { type: 'tagDefinition', id: tagId },
      before: before && fieldsView(before),
      after: { created: before === null, ...fieldsView(after) },
    });
    const same = (def: TagDefinitionDoc) =>
      def.name === fields.name && def.staffCanSet === fields.staffCanSet && def.values.join('\n') === fields.values.join('\n');

    if (input.mode === 'create') {
      if (found) {
        if (same(found) && found.status === 'active') return { value: { tag: found, created: false }, audit: null };
        throw new CodedError('CONFLICT', `tagId: 标签编号 ${tagId} 已被标签「${found.name}」使用`, { field: 'tagId' });
      }
      const fresh: TagDefinitionDoc = {
        _id: tagId,
        ...fields,
        counts: {},
        status: 'active',
        createdBy: admin.sub,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const { _id, ...data } = fresh;
      await ref.set({ data });
      return { value: { tag: fresh, created: true }, audit: audit(null, fresh) };
    }

    if (!found) throw new CodedError('NOT_FOUND', `标签 ${tagId} 不存在`);
    if (same(found)) return { value: { tag: found, created: false }, audit: null };
    const held = heldValuesRemoved(found.counts ?? {}, fields.values);
    if (held.length > 0) {
      const list = held.map(({ value, members }) => `「${value}」${members} 人`).join('、');
      throw new CodedError('CONFLICT', `values: 不能删除仍有会员持有的值：${list}；请先清除这些会员的标签`, {
        field: 'values',
        held,
      });
    }
    const next: TagDefinitionDoc = { ...found, ...fields, updatedAt: ctx.now };
    await ref.update({ data: { ...fields, updatedAt: ctx.now } });
    return { value: { tag: next, created: false }, audit: audit(found, next) };
  });
}

/** An admin archives a tag, with its audit entry; archiving an archived tag changes nothing. */
export async function archiveTagDefinition(
  ctx: RequestContext,
  input: { tagId: string },
  admin: TokenClaims,
): Promise<MarketingTagsResponses['archiveTagDefinition']> {
  return changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('tag_definitions').doc(input.tagId);
    const found = (await ref.get()).data;
    if (!found) throw new CodedError('NOT_FOUND', `标签 ${input.tagId} 不存在`);
    if (found.status === 'archived') return { value: { tag: found }, audit: null };
    await ref.update({ data: { status: 'archived', updatedAt: ctx.now } });
    return {
      value: { tag: { ...found, status: 'archived', updatedAt: ctx.now } },
      audit: {
        actor: adminActor(admin),
        action: 'archiveTagDefinition',
        target: { type: 'tagDefinition', id: found._id },
        before: { status: found.status },
        after: { status: 'archived' },
      },
    };
  });
}

/** Every tag definition (a brand has tens, so one page of 200 holds them all), active first, then by name. */
export async function listTagDefinitions(ctx: RequestContext, input: { includeArchived?: boolean }): Promise<TagDefinitionDoc[]> {
  const query = input.includeArchived ? {} : { status: 'active' };
  const tags = await ctx.db.collection('tag_definitions').find(query, { limit: 200 });
  return tags.sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, 'zh') : a.status === 'active' ? -1 : 1));
}
