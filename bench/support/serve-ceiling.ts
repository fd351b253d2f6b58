/**
 * Child process: an SDK endpoint that does no work. It answers each database call with a
 * canned, valid answer of the right shape (one document for `doc().get()`, a page of
 * documents for a `where()` get, `updated: 1` for an update), prints `{"tcbUrl": …}` on one
 * stdout line, and exits when its stdin closes or it receives SIGINT/SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { itemText, PAGE } from './items';

const answer = (data: unknown) => Buffer.from(JSON.stringify({ requestId: 'r', data }));
const ONE_DOC = answer({ list: [itemText(42)] });
const PAGE_OF_DOCS = answer({ list: Array.from({ length: PAGE }, (_, i) => itemText(4_200 + i)) });
const UPDATED = answer({ updated: 1 });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('latin1');
    const reply = body.includes('"database.modifyDocument"') ? UPDATED : body.includes('"queryType":"DOC"') ? ONE_DOC : PAGE_OF_DOCS;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': reply.length });
    res.end(reply);
  });
});
server.keepAliveTimeout = 5_000;

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ tcbUrl: `http://127.0.0.1:${port}/tcb/-/-/admin` })}\n`);
});
