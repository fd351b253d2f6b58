import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { FunctionPool } from '../../local-cloud/functions/pool';
import { platformEnv } from '../../tests/support/sdk';

/** How a new instance of a function is started. */
export type InstanceKind = 'thread' | 'process';

/**
 * One cold start: milliseconds from starting the instance to its first answer, the CPU time it
 * took (less swayed than the wall time by other work on a shared machine), and the answer.
 */
export interface ColdStart {
  ms: number;
  cpuMs: number;
  /**
   * Milliseconds of loading the bundle and answering once wx-server-sdk is loaded: the bundle's
   * own share, which its size moves (new processes only).
   */
  ownMs?: number;
  answer: unknown;
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1_000;
};

/**
 * The SDK endpoint the instances are given. The first requests are refused before any database
 * call; nothing listens here, so a function that did reach for the database would fail loudly.
 */
const NO_DATABASE = 'http://127.0.0.1:9/admin';
/** Far above any cold start, so a slow machine measures instead of timing out. */
const TIMEOUT_SECONDS = 60;

/** The platform's environment for an instance of `name`, as the local cloud sets it. */
function instanceEnv(name: string): Record<string, string> {
  return { ...platformEnv(NO_DATABASE), SCF_FUNCTIONNAME: name, TZ: 'UTC', PATH: process.env.PATH ?? '' };
}

/**
 * A new worker thread of the local cloud's pool (tsx's loader, worker.ts, then the bundle),
 * answering `event`. Its CPU time is this process's while it runs: the main thread only waits.
 */
async function threadColdStart(name: string, bundle: string, event: unknown): Promise<ColdStart> {
  const pool = new FunctionPool(
    { name, dir: dirname(bundle), bundle, config: { timeout: TIMEOUT_SECONDS } },
    {
      env: instanceEnv(name),
      tcbUrl: () => NO_DATABASE,
      maxInstances: 1,
      idleMs: 60_000,
      log: () => undefined,
      clock: { offsetMs: 0 },
    },
  );
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answer = await pool.invoke(event, { source: 'wx_http' });
    return { ms: performance.now() - started, cpuMs: cpuMsSince(cpu), answer };
  } finally {
    await pool.close();
  }
}

/**
 * Loads the bundle, answers one event and exits: what a platform instance does first. A bundle
 * that requires wx-server-sdk has it loaded first (it would be anyway), so that loading the bundle
 * itself and answering can be timed apart. Prints the answer, that time and the process's CPU
 * time so far (its start included) as one JSON line.
 */
const PROCESS_MAIN = `
const bundle = process.argv[1];
const event = JSON.parse(process.argv[2]);
if (process.argv[3] === 'sdk') require(require.resolve('wx-server-sdk', { paths: [require('path').dirname(bundle)] }));
const started = performance.now();
Promise.resolve(require(bundle).main(event, {})).then(
  (answer) => {
    const ownMs = performance.now() - started;
    const { user, system } = process.cpuUsage();
    const line = JSON.stringify({ answer: answer ?? null, ownMs, cpuMs: (user + system) / 1000 });
    process.stdout.write(line + '\\n', () => process.exit(0));
  },
  (error) => { console.error(error); process.exit(1); },
);`;

/** A new plain Node process (no tsx, no source maps, as on the platform) that loads the bundle and answers `event`. */
async function processColdStart(name: string, bundle: string, event: unknown): Promise<ColdStart> {
  const env = {
    ...instanceEnv(name),
    TCB_SOURCE: 'wx_http',
    // The platform always passes an API token key; without one the SDK answers an empty context.
    WX_TRIGGER_API_TOKEN_V0: 'local-cloud',
    WX_CONTEXT_KEYS: 'WX_TRIGGER_API_TOKEN_V0',
  };
  const usesSdk = readFileSync(bundle, 'utf8').includes('require("wx-server-sdk")');
  const args = ['-e', PROCESS_MAIN, bundle, JSON.stringify(event), usesSdk ? 'sdk' : ''];
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: no answer within ${TIMEOUT_SECONDS} s`));
    }, TIMEOUT_SECONDS * 1_000);
    createInterface({ input: child.stdout }).once('line', (first) => {
      clearTimeout(timer);
      resolve(first);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: instance exited with ${code} before answering`));
    });
  });
  const ms = performance.now() - started;
  if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  const { answer, ownMs, cpuMs } = JSON.parse(line) as { answer: unknown; ownMs: number; cpuMs: number };
  return { ms, cpuMs, ownMs, answer };
}

/** Starts a new instance of kind `kind` on `bundle` and times it to its first answer to `event`. */
export function coldStart(kind: InstanceKind, name: string, bundle: string, event: unknown): Promise<ColdStart> {
  return kind === 'thread' ? threadColdStart(name, bundle, event) : processColdStart(name, bundle, event);
}
