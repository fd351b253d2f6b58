import type { marketingProfilesRequests } from '~/types/functions/marketing-profiles';
import type { Routes } from '../runtime/wx';

/** Routes of the `marketing` function's profiles actions. */
export const profileRoutes: Pick<Routes<'marketing'>, keyof typeof marketingProfilesRequests> = {};
