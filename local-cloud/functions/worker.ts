import { parentPort, workerData } from 'node:worker_threads';

/** What the pool sends for one invocation. */
export interface InvokeMessage {
  id: number;
  event: unknown;
  context: Record<string, unknown>;
  /** The caller identity as the platform passes it: WX_* variables for this invocation only. */
  identity: Record<string, string>;
  /** How far the local cloud's clock is set ahead of (or behind) the machine's, for tests that move time. */
  clockOffsetMs: number;
}

export interface ResultMessage {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { message: string; stack?: string };
}

interface WorkerInput {
  bundle: string;
}

type Main = (event: unknown, context: unknown) => unknown;

const input = workerData as WorkerInput;
// The platform loads the bundle once per instance and keeps it warm between invocations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require(input.bundle) as { main: Main };
if (typeof main !== 'function') throw new Error(`${input.bundle} does not export main`);

let identityKeys: string[] = [];

// The local cloud's settable clock: function code reads time through Date.now(), which this
// instance shifts by the offset of the invocation it is running.
let clockOffsetMs = 0;
const machineNow = Date.now.bind(Date);
Date.now = () => machineNow() + clockOffsetMs;

parentPort?.on('message', async (message: InvokeMessage) => {
  for (const key of identityKeys) delete process.env[key];
  identityKeys = Object.keys(message.identity);
  Object.assign(process.env, message.identity);
  clockOffsetMs = message.clockOffsetMs;
  let reply: ResultMessage;
  try {
    const result = await main(message.event, message.context);
    // The platform hands results back as JSON; so does this.
    reply = { id: message.id, ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    reply = { id: message.id, ok: false, error: { message: err.message, stack: err.stack } };
  }
  parentPort?.postMessage(reply);
});
