import * as z from 'zod';
import type { CampaignDoc, CampaignResults } from '../campaigns';
import { couponTemplateId } from './coupons';
import { marketingToken } from './marketing-token';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id');
const cap = z.number().int().min(1).max(10_000_000).nullable().default(null);
const variant = z.strictObject({
  key: z.enum(['A', 'B', 'C']),
  templateId: couponTemplateId,
  percent: z.number().int().min(0).max(100),
});

/** A campaign as an admin drafts it (the rule is taken from the segment at launch). */
export const campaignDraftInput = z.strictObject({
  /** Absent: a new draft; given: changes that draft (only while it is a draft). */
  campaignId: id.optional(),
  name: z.string().trim().min(1).max(40),
  segmentId: id,
  /** Shown to the member with the coupon, e.g. 因为你是金卡会员. */
  reason: z.string().trim().min(1).max(30),
  holdoutPercent: z.number().int().min(0).max(50).default(10),
  variants: z
    .array(variant)
    .min(1)
    .max(3)
    .refine((list) => new Set(list.map((v) => v.key)).size === list.length, 'each variant once')
    .refine((list) => list.reduce((sum, v) => sum + v.percent, 0) === 100, 'the variants’ percents must add up to 100'),
  sendMessage: z.boolean().default(false),
  budget: z
    .strictObject({ total: cap, perDay: cap, perMemberPerMonth: cap })
    .default({ total: null, perDay: null, perMemberPerMonth: null }),
  resultDays: z.number().int().min(1).max(180).default(30),
});
export type CampaignDraftInput = z.output<typeof campaignDraftInput>;

/** Requests of the `marketing` function's campaigns actions, each with its `action` literal and the admin's `token`. */
export const marketingCampaignsRequests = {
  /** Campaigns, newest first. */
  listCampaigns: z.strictObject({
    action: z.literal('listCampaigns'),
    token: marketingToken,
    status: z.enum(['draft', 'freezing', 'sending', 'sent', 'stopped']).optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional(),
  }),
  /** Creates or changes a draft campaign. */
  saveCampaign: campaignDraftInput.extend({ action: z.literal('saveCampaign'), token: marketingToken }),
  /** Launches a draft: takes the segment's rule, then the job freezes its members and sends. */
  launchCampaign: z.strictObject({ action: z.literal('launchCampaign'), token: marketingToken, campaignId: id }),
  /** Stops a campaign: nothing more is sent (what was issued stays valid). */
  stopCampaign: z.strictObject({ action: z.literal('stopCampaign'), token: marketingToken, campaignId: id }),
  /** One campaign with its members counted by group and state. */
  getCampaign: z.strictObject({ action: z.literal('getCampaign'), token: marketingToken, campaignId: id }),
  /** The campaign's results over its window: groups' figures with 95 % intervals and a daily series. */
  getCampaignResults: z.strictObject({
    action: z.literal('getCampaignResults'),
    token: marketingToken,
    campaignId: id,
    /** Computes again instead of answering the figures the job cached. */
    refresh: z.boolean().default(false),
  }),
};

/** Frozen members of a campaign by group and by state, counted by the database. */
export interface CampaignMemberCounts {
  byGroup: Record<'holdout' | 'A' | 'B' | 'C', number>;
  byState: Record<'held' | 'pending' | 'issued' | 'capped' | 'failed', number>;
}

/** Responses of the `marketing` function's campaigns actions. */
export interface MarketingCampaignsResponses {
  listCampaigns: { items: CampaignDoc[]; nextCursor: string | null };
  saveCampaign: CampaignDoc;
  launchCampaign: CampaignDoc;
  stopCampaign: CampaignDoc;
  getCampaign: { campaign: CampaignDoc; counts: CampaignMemberCounts };
  getCampaignResults: CampaignResults;
}
