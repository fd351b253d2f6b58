import type { MarketingCampaignsResponses } from './marketing-campaigns';
import { marketingCampaignsRequests } from './marketing-campaigns';
import type { MarketingProfilesResponses } from './marketing-profiles';
import { marketingProfilesRequests } from './marketing-profiles';
import type { MarketingSegmentsResponses } from './marketing-segments';
import { marketingSegmentsRequests } from './marketing-segments';
import type { MarketingTagsResponses } from './marketing-tags';
import { marketingTagsRequests } from './marketing-tags';

/**
 * Request schemas of the `marketing` function: tags, member profiles, segments and campaigns,
 * taken by signed-in admins from the admin page (the same sessions and permission table as the
 * `admin` function; a function of its own so each bundle stays within the platform's size).
 */
export const marketingRequests = {
  ...marketingTagsRequests,
  ...marketingProfilesRequests,
  ...marketingSegmentsRequests,
  ...marketingCampaignsRequests,
};

/** Responses of the `marketing` function, by action. */
export interface MarketingResponses
  extends MarketingTagsResponses, MarketingProfilesResponses, MarketingSegmentsResponses, MarketingCampaignsResponses {}

/** Whether an admin-page action is the `marketing` function's (else it is the `admin` function's). */
export function isMarketingAction(action: string): boolean {
  return Object.hasOwn(marketingRequests, action);
}
