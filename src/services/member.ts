import type { MemberProfile, MemberResponses } from '~/types/functions/member';
import { callFunction } from './cloud';

/** Joins the programme with one tap; a member who already joined gets their profile back. */
export function join(): Promise<MemberResponses['join']> {
  return callFunction('member', 'join', {});
}

/** Loads the caller's member profile; throws a CloudError `NOT_A_MEMBER` for a guest. */
export function getProfile(): Promise<MemberProfile> {
  return callFunction('member', 'getProfile', {});
}
