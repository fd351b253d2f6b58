import type { AdminRole } from '~/types/documents';
import type { ActionOf } from '~/types/functions';

const RUN_PROGRAMME: readonly AdminRole[] = ['owner', 'operator'];
const ANALYSE: readonly AdminRole[] = ['owner', 'operator', 'analyst'];
const READ_PROFILES: readonly AdminRole[] = ['owner', 'operator', 'analyst', 'support'];

/**
 * Who may take each action of the `marketing` function (tags, profiles, segments, campaigns):
 * part of the one admin permission table (admin-permissions.ts), checked by the server on every call.
 */
export const MARKETING_PERMISSIONS: Readonly<Record<ActionOf<'marketing'>, readonly AdminRole[]>> = {
  // Tags.
  // Profiles.
  getMemberProfile: READ_PROFILES,
  // Segments.
  // Campaigns.
  listCampaigns: ANALYSE,
  getCampaign: ANALYSE,
  getCampaignResults: ANALYSE,
  saveCampaign: RUN_PROGRAMME,
  launchCampaign: RUN_PROGRAMME,
  stopCampaign: RUN_PROGRAMME,
};
