/**
 * Child process: starts the local cloud on a temporary database seeded with the benchmark
 * items, prints `{"tcbUrl": …}` on one stdout line, and stops (removing the data) when its
 * stdin closes or it receives SIGINT/SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalCloud } from '../../local-cloud/local-cloud';
import { ITEM_COUNT, itemDoc } from './items';
import { serveUntilClosed } from './serve-until-closed';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-bench-cloud-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  let cloud: Awaited<ReturnType<typeof startLocalCloud>>;
  try {
    cloud = await startLocalCloud({
      root: resolve(__dirname, '../..'),
      dataDir,
      functions: false,
      timers: false,
      collectionsFile: join(__dirname, '../fixtures/bench-collections.json'),
      log: () => undefined,
    });
    cloud.store.atomically(() => {
      for (let i = 0; i < ITEM_COUNT; i += 1) cloud.store.insert('items', itemDoc(i));
    });
  } catch (error) {
    removeData();
    throw error;
  }

  serveUntilClosed('serve-local-cloud', { tcbUrl: cloud.tcbUrl }, async () => {
    try {
      await cloud.stop();
    } finally {
      removeData();
    }
  });
}

main().catch((error: Error) => {
  console.error(`[serve-local-cloud] ${error.stack ?? error.message}`);
  process.exit(1);
});
