import type { AdminRole } from '~/types/documents';
import type { ActionOf } from '~/types/functions';

const RUN_PROGRAMME: readonly AdminRole[] = ['owner', 'operator'];
const ANALYSE: readonly AdminRole[] = ['owner', 'operator', 'analyst'];
/** Who reads a member's profile and tags: everyone who serves or analyses members. */
const SEE_MEMBERS: readonly AdminRole[] = ['owner', 'operator', 'analyst', 'support'];

/**
 * Who may take each action of the `marketing` function (tags, profiles, segments, campaigns):
 * part of the one admin permission table (admin-permissions.ts), checked by the server on every call.
 */
export const MARKETING_PERMISSIONS: Readonly<Record<ActionOf<'marketing'>, readonly AdminRole[]>> = {
  // Tags.
  listTagDefinitions: SEE_MEMBERS,
  getMemberTags: SEE_MEMBERS,
  saveTagDefinition: RUN_PROGRAMME,
  archiveTagDefinition: RUN_PROGRAMME,
  setMemberTag: RUN_PROGRAMME,
  importMemberTags: RUN_PROGRAMME,
  applyTagToSegment: RUN_PROGRAMME,
  // Profiles.
  getMemberProfile: SEE_MEMBERS,
  // Segments.
  listSegments: ANALYSE,
  previewSegment: ANALYSE,
  countSegment: ANALYSE,
  saveSegment: RUN_PROGRAMME,
  archiveSegment: RUN_PROGRAMME,
  // Campaigns.
  listCampaigns: ANALYSE,
  getCampaign: ANALYSE,
  getCampaignResults: ANALYSE,
  saveCampaign: RUN_PROGRAMME,
  launchCampaign: RUN_PROGRAMME,
  stopCampaign: RUN_PROGRAMME,
};
