/**
 * Child process: the local cloud on a temporary database with the project's collections
 * (cloudfunctions/collections.json), its database engine wrapped so that every SDK database
 * request is counted by action, and a small control endpoint for the benchmarks (bench:loyalty,
 * bench:checkout); nothing it does through the control endpoint is counted:
 *
 *   GET  /counts                                  the counters (counting key → requests so far)
 *   GET  /cpu                                     CPU time this process has used, {seconds}
 *   GET  /count/<collection>                      documents in a collection, {count}
 *   POST /members {prefix, firstSerial, count, openBuckets}    seeds fresh members (see seededMembers)
 *   POST /rewards {ids, stock}                    seeds pickup rewards
 *   POST /docs {docs: {<collection>: [doc, …]}}   inserts documents as given, all or none
 *   POST /payments/settle {outTradeNo}            confirms a simulated WeChat Pay order as the dev page
 *                                                 does, and answers the callback event, {event}, for the
 *                                                 caller to deliver (this cloud runs no functions)
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
import { paymentCallbackEvent } from '../../local-cloud/dev/payments';
import { json, readJson } from '../../local-cloud/gateway/http';
import { startLocalCloud } from '../../local-cloud/local-cloud';
import { ownCpuSeconds } from './cpu-usage';
import { rewardFixture, seededMembers } from './loyalty-fixtures';
import type { ActionCounts } from './round-trips';
import { countKey } from './round-trips';
import { serveUntilClosed } from './serve-until-closed';

const APPID = 'wx0000000000local';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-bench-loyalty-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  let cloud: Awaited<ReturnType<typeof startLocalCloud>>;
  try {
    cloud = await startLocalCloud({
      root: resolve(__dirname, '../..'),
      dataDir,
      appid: APPID,
      functions: false,
      timers: false,
      log: () => undefined,
    });
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

  const { store, payments } = cloud;
  const control = createServer((req, res) => {
    const answer = async () => {
      if (req.method === 'GET' && req.url === '/counts') return json(res, 200, counts);
      if (req.method === 'GET' && req.url === '/cpu') return json(res, 200, { seconds: ownCpuSeconds() });
      const counted = /^\/count\/([a-z_]+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && counted) return json(res, 200, { count: store.count(counted[1] as string) });
      if (req.method === 'POST' && req.url === '/docs') {
        const { docs } = (await readJson(req)) as { docs: Record<string, Doc[]> };
        store.atomically(() => {
          for (const [collection, list] of Object.entries(docs)) for (const doc of list) store.insert(collection, doc);
        });
        return json(res, 200, { seeded: Object.values(docs).reduce((sum, list) => sum + list.length, 0) });
      }
      if (req.method === 'POST' && req.url === '/payments/settle') {
        const { outTradeNo } = (await readJson(req)) as { outTradeNo: string };
        const payment = payments.settle(outTradeNo, 'SUCCESS', Date.now());
        if (!payment) return json(res, 409, { error: `payment ${outTradeNo} is not waiting to be paid` });
        return json(res, 200, { event: paymentCallbackEvent(payment, APPID) });
      }
      if (req.method === 'POST' && req.url === '/members') {
        const { prefix, firstSerial, count, openBuckets } = (await readJson(req)) as {
          prefix: string;
          firstSerial: number;
          count: number;
          openBuckets: number;
        };
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
