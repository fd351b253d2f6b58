import type { marketingTagsRequests } from '~/types/functions/marketing-tags';
import { signedIn } from '~/server/admin/signed-in';
import type { Routes } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { applyTagToSegment } from './apply-tag-to-segment';
import { assignMemberTag } from './assign-member-tag';
import { importMemberTags } from './import-member-tags';
import { getMemberTags } from './member-tags';
import { archiveTagDefinition, listTagDefinitions, saveTagDefinition } from './save-tag-definition';

/** Routes of the `marketing` function's tags actions. */
export const tagRoutes: Pick<Routes<'marketing'>, keyof typeof marketingTagsRequests> = {
  listTagDefinitions: signedIn(async (ctx, input) => ({ tags: await listTagDefinitions(ctx, input) })),
  saveTagDefinition: signedIn((ctx, input, admin) => saveTagDefinition(ctx, input, admin)),
  archiveTagDefinition: signedIn((ctx, input, admin) => archiveTagDefinition(ctx, input, admin)),
  getMemberTags: signedIn((ctx, input) => getMemberTags(ctx, input)),
  setMemberTag: signedIn(async (ctx, { memberId, tagId, value, reason }, admin) => {
    const { changed } = await assignMemberTag(ctx, { memberId, tagId, value, reason, actor: adminActor(admin) });
    return { tagId, value, changed };
  }),
  importMemberTags: signedIn((ctx, input, admin) => importMemberTags(ctx, input, admin)),
  applyTagToSegment: signedIn((ctx, input, admin) => applyTagToSegment(ctx, input, admin)),
};
