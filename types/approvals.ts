import type { AdminRole } from './documents';
import type { EpochMs, Points } from './units';

/** Where an approval stands: `failed` when the approved change could not be made (e.g. too few points to take away). */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'failed';

/**
 * `approvals`: a change one admin asked for and a second admin decides, so no one alone makes a
 * large points adjustment. `_id` is `adjust:<memberId>:<requestKey>`, which is also the `_id` of
 * the ledger entry an approval posts: a repeated request finds its approval, a repeated approval
 * its entry.
 */
export interface ApprovalDoc {
  _id: string;
  kind: 'pointsAdjustment';
  memberId: string;
  /** The member as they were at the request, for the list of approvals. */
  memberNo: string;
  nickname: string;
  points: Points;
  reason: string;
  status: ApprovalStatus;
  requestedBy: string;
  requestedByRole: AdminRole;
  requestedAt: EpochMs;
  decidedBy: string | null;
  decidedByRole: AdminRole | null;
  decidedAt: EpochMs | null;
  /** Why it was rejected, or why the approved change failed. */
  note: string | null;
  /** The ledger entry the approval posted, once it has. */
  entryId: string | null;
  updatedAt: EpochMs;
}
