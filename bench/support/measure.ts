/** One operation of a benchmark case; resolves when the call has been answered. */
export type Operation = () => Promise<unknown>;

/** Upper bound on calls per worker, so that no loop depends on the clock alone. */
const MAX_CALLS_PER_WORKER = 50_000_000;

/** Runs `op` from `concurrency` workers for `seconds` and answers completed calls per second. */
export async function measure(op: Operation, concurrency: number, seconds: number): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  let done = 0;
  const worker = async () => {
    for (let calls = 0; calls < MAX_CALLS_PER_WORKER && performance.now() < deadline; calls += 1) {
      await op();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1_000);
}
