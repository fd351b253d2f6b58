/**
 * Child process: the local cloud on a temporary database with the project's collections
 * (cloudfunctions/collections.json), its database engine wrapped so that every SDK database
 * request is counted by action, and a small control endpoint for the benchmark:
 *
 *   GET  /counts                                  the counters (counting key → requests so far)
 *   GET  /cpu                                     CPU time this process has used, {seconds}
 *   POST /members {prefix, firstSerial, count, openBuckets}    seeds fresh members (see seededMembers)
 *   POST /rewards {ids, stock}                    seeds pickup rewards
 *
 * Prints `{"tcbUrl": …, "controlUrl": …}` on one stdout line, and stops (removing the data) when
 * its stdin closes or it receives SIGINT/SIGTERM. Both listen on 127.0.0.1 only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Doc } from '../../local-cloud/db/ejson';
import { json, readJson } from '../../local-cloud/gateway/http';
import { startLocalCloud } from '../../local-cloud/local-cloud';
import { ownCpuSeconds } from './cpu-usage';
import { rewardFixture, seededMembers } from './loyalty-fixtures';
import type { ActionCounts } from './round-trips';
import { countKey } from './round-trips';
import { serveUntilClosed } from './serve-until-closed';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-bench-loyalty-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  let cloud: Awaited<ReturnType<typeof startLocalCloud>>;
  try {
    cloud = await startLocalCloud({ root: resolve(__dirname, '../..'), dataDir, functions: false, timers: false, log: () => undefined });
  } catch (error) {
    removeData();
    throw error;
  }

  // Every database action of the SDK protocol reaches the engine through this one method
  // (handleTcb calls services.engine.handle), transaction start, reads, writes and commit alike.
  const counts: ActionCounts = {};
  const handle = cloud.engine.handle.bind(cloud.engine);
  cloud.engine.handle = (action, params) => {
    const key = countKey(action, params);
    counts[key] = (counts[key] ?? 0) + 1;
    return handle(action, params);
  };

  const { store } = cloud;
  const control = createServer((req, res) => {
    const answer = async () => {
      if (req.method === 'GET' && req.url === '/counts') return json(res, 200, counts);
      if (req.method === 'GET' && req.url === '/cpu') return json(res, 200, { seconds: ownCpuSeconds() });
      if (req.method === 'POST' && req.url === '/members') {
        const { prefix, firstSerial, count, openBuckets } = (await readJson(req)) as { prefix: string; firstSerial: number; count: number; openBuckets: number };
        store.atomically(() => {
          for (const { member, lots, entries } of seededMembers(prefix, firstSerial, count, openBuckets)) {
            store.insert('members', member as unknown as Doc);
            for (const lot of lots) store.insert('point_lots', lot as unknown as Doc);
            for (const entry of entries) store.insert('ledger_entries', entry as unknown as Doc);
          }
        });
        return json(res, 200, { seeded: count });
      }
      if (req.method === 'POST' && req.url === '/rewards') {
        const { ids, stock } = (await readJson(req)) as { ids: string[]; stock: number };
        store.atomically(() => {
          for (const id of ids) store.insert('rewards', rewardFixture(id, stock) as unknown as Doc);
        });
        return json(res, 200, { seeded: ids.length });
      }
      json(res, 404, { error: `${req.method} ${req.url}` });
    };
    answer().catch((error: Error) => json(res, 500, { error: error.message }));
  });
  await new Promise<void>((ready) => control.listen(0, '127.0.0.1', ready));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  serveUntilClosed('serve-loyalty-cloud', { tcbUrl: cloud.tcbUrl, controlUrl }, async () => {
    control.closeAllConnections();
    control.close();
    try {
      await cloud.stop();
    } finally {
      removeData();
    }
  });
}

main().catch((error: Error) => {
  console.error(`[serve-loyalty-cloud] ${error.stack ?? error.message}`);
  process.exit(1);
});
