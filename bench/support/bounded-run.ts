/** One call of a benchmark case: `index` numbers calls 0, 1, … across all workers (it picks the call's fixture); `worker` is the caller. */
export type IndexedOperation = (worker: number, index: number) => Promise<unknown>;

export interface RunResult {
  /** Calls that completed, failed ones included. */
  calls: number;
  failures: number;
  /** The message of the first failure, if any. */
  firstFailure?: string;
  /** Wall-clock time from the first call to the last answer. */
  seconds: number;
  /** The fixtures ran out before the time did. */
  ranOut: boolean;
}

/**
 * Runs `op` from `concurrency` workers for `seconds`, and never more than `maxCalls` calls in
 * all: each call takes the next index, and `maxCalls` is the number of fixtures prepared.
 * A failed call is counted and the run goes on.
 */
export async function runFor(op: IndexedOperation, concurrency: number, seconds: number, maxCalls: number): Promise<RunResult> {
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  let next = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const worker = async (id: number) => {
    while (next < maxCalls && performance.now() < deadline) {
      const index = next;
      next += 1;
      try {
        await op(id, index);
      } catch (error) {
        failures += 1;
        firstFailure ??= (error as Error).message ?? String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
  const elapsed = (performance.now() - started) / 1_000;
  return { calls: next, failures, firstFailure, seconds: elapsed, ranOut: next >= maxCalls && elapsed < seconds };
}
