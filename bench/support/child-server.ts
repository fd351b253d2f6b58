import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A server running in its own Node process, reachable at `tcbUrl`. */
export interface ChildServer {
  tcbUrl: string;
  pid: number;
  /** Everything the ready line carried, `tcbUrl` included (a child may announce more endpoints). */
  ready: Record<string, unknown>;
  /** Asks the child to shut down and waits for it; kills it if it does not exit in time. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `script` with `node [nodeArgs] --import tsx` and waits for the `{"tcbUrl"}` line it prints. */
export async function startChildServer(script: string, nodeArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited(child);
    clearTimeout(timer);
  };
  try {
    const ready = await new Promise<Record<string, unknown> & { tcbUrl: string }>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      const timer = setTimeout(() => reject(new Error(`${script} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
      lines.once('line', (line) => {
        clearTimeout(timer);
        lines.close();
        try {
          const parsed = JSON.parse(line) as Record<string, unknown> & { tcbUrl: string };
          if (typeof parsed.tcbUrl !== 'string') throw new Error('no tcbUrl');
          resolve(parsed);
        } catch {
          reject(new Error(`${script} printed an unexpected line: ${line}`));
        }
      });
    });
    child.stdout?.resume();
    return { tcbUrl: ready.tcbUrl, pid: child.pid as number, ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
