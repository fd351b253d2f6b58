/** Steps that undo what a benchmark set up; run in reverse order, on success, failure or Ctrl-C. */
export type Cleanups = (() => Promise<void> | void)[];

/** The value of `--name value` or `--name=value` on the command line. */
export function option(name: string): string | undefined {
  const inline = process.argv.find((arg) => arg.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** `--seconds N` (default `fallback`, 3 unless the benchmark says): the measuring time of each case. */
export function secondsOption(fallback = 3): number {
  const value = Number(option('--seconds') ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error('--seconds needs a positive number');
  return value;
}

/**
 * Runs a benchmark's `main`, then its cleanups (also on SIGINT/SIGTERM), and exits: the SDK's
 * keep-alive sockets would otherwise hold the process open. Exits non-zero only when the
 * benchmark itself broke (it could not start, say), never because of a figure.
 */
export async function runBench(main: (cleanups: Cleanups) => Promise<void>): Promise<void> {
  const cleanups: Cleanups = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const step of cleanups.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`cleanup: ${(error as Error).message}`);
        }
      }
    })());
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await main(cleanups);
  } catch (error) {
    if (!interrupted) {
      console.error((error as Error).stack ?? (error as Error).message);
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
  }
  process.exit(interrupted ? 130 : process.exitCode);
}
