import * as z from 'zod';
import type { AgeBand, LifecycleStage, RfmScores, SegmentDoc } from '~/types/marketing';
import { segmentRuleSchema } from '~/types/marketing';
import type { EpochMs } from '~/types/units';
import { marketingToken as token } from './marketing-token';

const requestKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -');
/** `seg-<requestKey>`: the create request's key is the segment's id, so a retried create saves it once. */
export const segmentId = z.string().regex(/^seg-[A-Za-z0-9_-]{8,64}$/, 'must be a segment id');

/** Requests of the `marketing` function's segments actions, each with its `action` literal and the admin's `token`. */
export const marketingSegmentsRequests = {
  /** Active segments, last changed first; archived ones too when asked. */
  listSegments: z.strictObject({ action: z.literal('listSegments'), token, includeArchived: z.boolean().optional() }),
  /**
   * Creates a segment (no `segmentId`; its id is `seg-<requestKey>`, so a retry is a no-op) or
   * updates one (`segmentId`): name, description and rule. Names are unique among active segments.
   */
  saveSegment: z.strictObject({
    action: z.literal('saveSegment'),
    token,
    segmentId: segmentId.optional(),
    requestKey,
    name: z.string().trim().min(1).max(30),
    description: z.string().trim().max(200),
    rule: segmentRuleSchema,
  }),
  archiveSegment: z.strictObject({ action: z.literal('archiveSegment'), token, segmentId }),
  /** The members a rule takes now: a count by the database and a sample of up to 10. */
  previewSegment: z.strictObject({ action: z.literal('previewSegment'), token, rule: segmentRuleSchema }),
  /** Counts a saved segment now and keeps the count on it. */
  countSegment: z.strictObject({ action: z.literal('countSegment'), token, segmentId }),
};

/** A segment as listed. */
export type SegmentView = SegmentDoc;

/** One member of a preview's sample: what the page shows, never contact details. */
export interface SegmentSampleRow {
  memberId: string;
  memberNo: string;
  nickname: string;
  tierId: string;
  stage: LifecycleStage;
  ageBand: AgeBand | null;
  rfm: RfmScores;
  lastPurchaseAt: EpochMs | null;
}

/**
 * A rule's members now. Only members with a profile count: a member who joined after the last
 * profile refresh has none until the next one (`refreshedDay`: the sample's newest refresh day).
 */
export interface SegmentPreview {
  count: number;
  sample: SegmentSampleRow[];
  refreshedDay: string | null;
  countedAt: EpochMs;
}

/** Responses of the `marketing` function's segments actions. */
export interface MarketingSegmentsResponses {
  listSegments: { items: SegmentView[] };
  saveSegment: SegmentView;
  archiveSegment: SegmentView;
  previewSegment: SegmentPreview;
  countSegment: SegmentView;
}
