import { CodedError } from '~/core/coded-error';
import type { StaffResponses } from '~/types/functions/staff';
import type { StaffDoc } from '~/types/staff';
import { assignMemberTag } from '../marketing/assign-member-tag';
import { memberTagViews } from '../marketing/member-tags';
import type { RequestContext } from '../runtime/wx';
import { loadTillSession } from './load-till-session';
import { staffActor } from './require-staff';

/** The staff-settable special tags of the till session's member, with the member's values. */
export async function listMemberTagsAtTill(
  ctx: RequestContext,
  staff: StaffDoc,
  input: { sessionId: string },
): Promise<StaffResponses['listMemberTags']> {
  const session = await loadTillSession(ctx, staff, input.sessionId);
  return { tags: await memberTagViews(ctx, session.memberId, { staffCanSet: true }) };
}

/**
 * Staff set (or clear) a special tag of the member they scanned, for a tag the admins let staff
 * set; audited with the staff member as the actor. Setting the value the member holds changes
 * nothing, so a retry from the till is harmless.
 */
export async function setMemberTagAtTill(
  ctx: RequestContext,
  staff: StaffDoc,
  input: { sessionId: string; tagId: string; value: string | null },
): Promise<StaffResponses['setMemberTag']> {
  const session = await loadTillSession(ctx, staff, input.sessionId);
  const def = await ctx.db.collection('tag_definitions').get(input.tagId);
  if (!def || def.status !== 'active' || !def.staffCanSet) throw new CodedError('FORBIDDEN', '该标签不能由店员设置');
  const { changed } = await assignMemberTag(ctx, {
    memberId: session.memberId,
    tagId: input.tagId,
    value: input.value,
    actor: staffActor(staff),
    action: 'setMemberTagAtTill',
  });
  return { tags: await memberTagViews(ctx, session.memberId, { staffCanSet: true }), changed };
}
