import * as z from 'zod';
import type { MemberProfileDoc } from '../marketing';
import type { Fen } from '../units';
import { marketingToken as token } from './marketing-token';

const memberId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id');

/** Requests of the `marketing` function's profiles actions, each with its `action` literal and the admin's `token`. */
export const marketingProfilesRequests = {
  /** One member's profile (画像) with where they stand among all members. */
  getMemberProfile: z.strictObject({ action: z.literal('getMemberProfile'), token, memberId }),
};

/** Share (percent, one decimal) of the active population at each score 1–5 of one dimension. */
export type ScoreShares = [number, number, number, number, number];

/** A member's profile as the admin page shows it: no phone, no address (province and city only). */
export interface MemberProfileView {
  memberId: string;
  /** Null until the daily refresh has written one. */
  profile: MemberProfileDoc | null;
  /** Members with a purchase in the RFM window, and how they spread over each score. */
  activeMembers: number;
  rfmShares: { r: ScoreShares; f: ScoreShares; m: ScoreShares };
  preferredCategories: { id: string; name: string }[];
  /** Net spend by Shanghai month, online and in store, the last 12 months, oldest first. */
  valueByMonth: { month: string; onlineFen: Fen; storeFen: Fen }[];
}

/** Responses of the `marketing` function's profiles actions. */
export interface MarketingProfilesResponses {
  getMemberProfile: MemberProfileView;
}
