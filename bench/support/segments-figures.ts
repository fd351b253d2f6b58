import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { ActionCounts } from './round-trips';

/** What the segments benchmark hands each figure: the cloud with refreshed profiles, its size, and the running round-trip counts. */
export interface SegmentBench {
  cloud: LocalCloud;
  members: number;
  /** Database requests answered so far, by kind (bench/support/round-trips.ts); take a copy before and compare after. */
  counts: ActionCounts;
  /** The instant the profiles were refreshed as of. */
  asOf: number;
}

/**
 * Figures of evaluating segments over the refreshed profiles (counting a segment, listing its
 * members), printed after the profile refresh's: each line is printed as it is. None yet;
 * segment evaluation adds its measurements here.
 */
export async function segmentFigures(bench: SegmentBench): Promise<string[]> {
  void bench;
  return [];
}
