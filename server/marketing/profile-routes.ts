import type { marketingProfilesRequests } from '~/types/functions/marketing-profiles';
import { signedIn } from '~/server/admin/signed-in';
import type { Routes } from '../runtime/wx';
import { getMemberProfile } from './get-member-profile';

/** Routes of the `marketing` function's profiles actions. */
export const profileRoutes: Pick<Routes<'marketing'>, keyof typeof marketingProfilesRequests> = {
  getMemberProfile: signedIn((ctx, input) => getMemberProfile(ctx, input)),
};
