import { memberRequests } from '~/types/functions/member';
import type { Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { getProfile } from './get-profile';
import { joinMember } from './join-member';

/** Routes of the `member` function: the caller is always the member acted on. */
export const memberRoutes: Routes<'member'> = {
  join: (input, ctx) => joinMember(requireOpenid(ctx), input, ctx),
  getProfile: (_input, ctx) => getProfile(requireOpenid(ctx), ctx),
};

/** The `member` cloud function's main. */
export const memberMain = createWxHandler<'member'>(memberRequests, memberRoutes);
