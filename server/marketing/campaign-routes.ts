import type { marketingCampaignsRequests } from '~/types/functions/marketing-campaigns';
import type { Routes } from '../runtime/wx';

/** Routes of the `marketing` function's campaigns actions. */
export const campaignRoutes: Pick<Routes<'marketing'>, keyof typeof marketingCampaignsRequests> = {};
