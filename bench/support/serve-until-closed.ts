/**
 * Keeps a benchmark's child server up until its parent closes our stdin or signals us, then
 * runs `stop` once and exits. Prints `ready` as one JSON line so the parent knows where we are.
 */
export function serveUntilClosed(name: string, ready: Record<string, unknown>, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop()
      .catch((error: Error) => console.error(`[${name}] stop failed: ${error.message}`))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}
