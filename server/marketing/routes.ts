import { marketingRequests } from '~/types/functions/marketing';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { campaignRoutes } from './campaign-routes';
import { profileRoutes } from './profile-routes';
import { segmentRoutes } from './segment-routes';
import { tagRoutes } from './tag-routes';

/** Routes of the `marketing` function: every action needs a signed-in admin whose role may take it. */
export const marketingRoutes: Routes<'marketing'> = {
  ...tagRoutes,
  ...profileRoutes,
  ...segmentRoutes,
  ...campaignRoutes,
};

export const marketingMain = createWxHandler(marketingRequests, marketingRoutes);
