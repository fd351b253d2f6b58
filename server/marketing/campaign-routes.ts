import type { marketingCampaignsRequests } from '~/types/functions/marketing-campaigns';
import { signedIn } from '~/server/admin/signed-in';
import type { Routes } from '../runtime/wx';
import { getCampaign, listCampaigns } from './get-campaign';
import { getCampaignResults } from './get-campaign-results';
import { launchCampaign } from './launch-campaign';
import { saveCampaign } from './save-campaign';
import { stopCampaign } from './stop-campaign';

/** Routes of the `marketing` function's campaigns actions. */
export const campaignRoutes: Pick<Routes<'marketing'>, keyof typeof marketingCampaignsRequests> = {
  listCampaigns: signedIn((ctx, input) => listCampaigns(ctx, input)),
  saveCampaign: signedIn((ctx, input, admin) => saveCampaign(ctx, input, admin)),
  launchCampaign: signedIn((ctx, input, admin) => launchCampaign(ctx, input, admin)),
  stopCampaign: signedIn((ctx, input, admin) => stopCampaign(ctx, input, admin)),
  getCampaign: signedIn((ctx, input) => getCampaign(ctx, input)),
  getCampaignResults: signedIn((ctx, input) => getCampaignResults(ctx, input)),
};
