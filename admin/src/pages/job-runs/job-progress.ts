import type { JobRunDoc } from '~/types/jobs';

/** A running run's progress: items gone through in its sweep so far, of the estimate, as a percent below 100 until it ends; null without an estimate. */
export function runProgress(run: JobRunDoc): { done: number; estimate: number; percent: number } | null {
  if (run.estimate === null || run.estimate === undefined) return null;
  const done = (run.scannedBefore ?? 0) + run.scanned;
  const percent = run.estimate === 0 ? 99 : Math.min(99, Math.floor((done / run.estimate) * 100));
  return { done, estimate: run.estimate, percent };
}
