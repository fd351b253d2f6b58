import { z } from 'zod';
import type { EpochMs, Points } from '../units';

const nickname = z.string().trim().min(1).max(32);
const avatarUrl = z.string().max(512).regex(/^(https:\/\/|cloud:\/\/)/, 'must be an https:// or cloud:// URL');

/** Request schemas of the `member` function, one per action. */
export const memberRequests = {
  join: z.strictObject({
    action: z.literal('join'),
    nickname: nickname.optional(),
    avatarUrl: avatarUrl.optional(),
  }),
  getProfile: z.strictObject({ action: z.literal('getProfile') }),
};

/** What a member sees of themselves. */
export interface MemberProfile {
  memberId: string;
  memberNo: string;
  nickname: string;
  avatarUrl: string;
  tier: { id: string; name: string };
  points: { available: Points; pending: Points };
  joinedAt: EpochMs;
}

export interface MemberResponses {
  join: MemberProfile & { created: boolean };
  getProfile: MemberProfile;
}
