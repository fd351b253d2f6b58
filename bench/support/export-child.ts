/**
 * Child process: runs one CSV export the way the admin function does (startExport, then
 * continueExport until it is finished), through the real wx-server-sdk against the local cloud
 * at argv[2], for the range [argv[3], argv[4]). Samples this process's memory every 10 ms, so
 * its peak is the function's own (the database and storage live in the parent), and the heap
 * after a full collection every 250 ms (what the export holds, garbage aside); prints one JSON
 * line: rows, parts, calls, seconds, peak heap, live heap and RSS in MB, and where it started.
 */
import { OWNER_CLAIMS } from '../../tests/support/owner-claims';
import { connectSdk } from '../../tests/support/sdk';

async function main(): Promise<void> {
  const [tcbUrl, from, to] = process.argv.slice(2);
  connectSdk(tcbUrl as string);
  // Loaded after the SDK is pointed at the local cloud, as a function's bundle is.
  const { database } = await import('~/server/db/database');
  const { startExport } = await import('~/server/exports/start-export');
  const { continueExport } = await import('~/server/exports/export-actions');
  const db = database();
  const ctx = () => ({ now: Date.now(), source: 'wx_http', db });

  global.gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  let peakLive = base.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 10);
  // What the export holds on to, garbage aside: the heap right after a full collection, every 250 ms.
  const live = setInterval(() => {
    global.gc?.();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  }, 250);

  const started = performance.now();
  let calls = 1;
  let row = await startExport(
    ctx(),
    { kind: 'members', from: Number(from), to: Number(to), requestKey: `bench-${Date.now()}` },
    OWNER_CLAIMS,
  );
  while (row.status === 'running') {
    calls += 1;
    row = await continueExport(ctx(), { exportId: row._id });
  }
  const seconds = (performance.now() - started) / 1_000;
  clearInterval(sampler);
  clearInterval(live);
  const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      rows: row.rows,
      parts: row.partCount,
      calls,
      seconds,
      peakHeapMb: mb(peakHeap),
      peakRssMb: mb(peakRss),
      peakLiveHeapMb: mb(peakLive),
      baseHeapMb: mb(base.heapUsed),
      baseRssMb: mb(base.rss),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
