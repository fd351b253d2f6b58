import type { MarketingTagsResponses, MemberTagView } from '~/types/functions/marketing-tags';
import type { RequestContext } from '../runtime/wx';
import { loadTaggableMember } from './assign-member-tag';
import { listTagDefinitions } from './save-tag-definition';

/** A member's value of every active tag (null where none), optionally only those staff may set. */
export async function memberTagViews(ctx: RequestContext, memberId: string, only?: { staffCanSet: true }): Promise<MemberTagView[]> {
  const [tags, profile] = await Promise.all([listTagDefinitions(ctx, {}), ctx.db.collection('member_profiles').get(memberId)]);
  return tags
    .filter((tag) => !only || tag.staffCanSet)
    .map((tag) => ({
      tagId: tag._id,
      name: tag.name,
      values: tag.values,
      staffCanSet: tag.staffCanSet,
      value: profile?.special?.[tag._id] ?? null,
    }));
}

/** The member detail's special tags. */
export async function getMemberTags(ctx: RequestContext, input: { memberId: string }): Promise<MarketingTagsResponses['getMemberTags']> {
  await loadTaggableMember(ctx, input.memberId);
  return { memberId: input.memberId, tags: await memberTagViews(ctx, input.memberId) };
}
