import type { ProgrammeSettings } from '~/types/programme';
import type { Points } from '~/types/units';
import { DEFAULT_APPROVAL_THRESHOLD } from '../tiers/default-programme';

/** The most points an admin adjusts alone, either way, under this programme. */
export function approvalThreshold(programme: ProgrammeSettings): Points {
  return programme.points.approvalThreshold ?? DEFAULT_APPROVAL_THRESHOLD;
}

/** Whether an adjustment of `points` (signed) waits for a second admin: more than the threshold, either way. */
export function needsApproval(points: Points, threshold: Points): boolean {
  return Math.abs(points) > threshold;
}
