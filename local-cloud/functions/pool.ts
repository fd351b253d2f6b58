import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FunctionDef } from './registry';
import type { InvokeMessage, ResultMessage } from './worker';

/**
 * Who triggered an invocation, as the platform tells the function through WX_* variables and
 * TCB_SOURCE (`wx_client`, `wx_http`, `wx_trigger`, `wx_paycallback`, and `<parent>,scf` for a
 * call from another function).
 */
export interface Caller {
  source: string;
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
}

export interface InvocationLog {
  fn: string;
  source: string;
  ms: number;
  ok: boolean;
  error?: string;
}

/** A failed invocation: the function threw, crashed its instance, or ran past its timeout. */
export class InvocationError extends Error {
  constructor(
    readonly fn: string,
    message: string,
    readonly kind: 'threw' | 'crashed' | 'timeout',
  ) {
    super(`${fn}: ${message}`);
  }
}

interface Pending {
  message: InvokeMessage;
  caller: Caller;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  id: string;
  worker: Worker;
  busy?: { pending: Pending; started: number; timer: NodeJS.Timeout };
  idleTimer?: NodeJS.Timeout;
}

export interface PoolOptions {
  /** Variables every instance starts with: the platform's own and the function's console settings. */
  env: Record<string, string>;
  /** The SDK endpoint URL for one instance; the URL names the instance so calls can be traced to their caller. */
  tcbUrl: (fn: string, instanceId: string) => string;
  maxInstances: number;
  idleMs: number;
  log: (entry: InvocationLog) => void;
  /** The local cloud's clock, shared by all pools: function code sees the machine's time plus this offset. */
  clock: { offsetMs: number };
}

const WORKER_FILE = join(__dirname, 'worker.ts');
/** Each instance registers tsx's CommonJS hook first, so the worker shim itself can stay TypeScript. */
const WORKER_BOOT = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(WORKER_FILE)});`;

/**
 * Instances of one function: worker threads that each load the bundle once and serve one
 * invocation at a time, scaling out to `maxInstances` and retiring when idle, as on the platform.
 */
export class FunctionPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly def: FunctionDef,
    private readonly options: PoolOptions,
  ) {}

  /** Runs the function once with this event and caller; resolves with its JSON result. */
  invoke(event: unknown, caller: Caller): Promise<unknown> {
    if (this.closed) return Promise.reject(new InvocationError(this.def.name, 'the local cloud is stopping', 'crashed'));
    const timeoutMs = (this.def.config.timeout ?? 3) * 1000;
    const message: InvokeMessage = {
      id: this.nextId++,
      event,
      identity: identityEnv(caller),
      clockOffsetMs: this.options.clock.offsetMs,
      context: {
        callbackWaitsForEmptyEventLoop: false,
        memory_limit_in_mb: 256,
        time_limit_in_ms: timeoutMs,
        request_id: randomUUID(),
        function_name: this.def.name,
        function_version: '$LATEST',
        namespace: this.options.env.SCF_NAMESPACE,
        environ: '',
      },
    };
    return new Promise((resolve, reject) => {
      this.queue.push({ message, caller, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length) {
      let slot = [...this.slots].find((s) => !s.busy);
      if (!slot) {
        if (this.slots.size >= this.options.maxInstances) return;
        slot = this.spawn();
      }
      this.run(slot, this.queue.shift() as Pending);
    }
  }

  /** The caller of the invocation that instance `id` is running now, if any. */
  callerOf(id: string): Caller | undefined {
    for (const slot of this.slots) if (slot.id === id) return slot.busy?.pending.caller;
    return undefined;
  }

  private spawn(): Slot {
    const id = randomUUID().slice(0, 8);
    const worker = new Worker(WORKER_BOOT, {
      eval: true,
      workerData: { bundle: this.def.bundle },
      env: { ...this.options.env, TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.tcbUrl(this.def.name, id) }) },
    });
    const slot: Slot = { id, worker };
    worker.on('message', (reply: ResultMessage) => this.finish(slot, reply));
    worker.on('error', (error) => this.fail(slot, `instance crashed: ${error.message}`, 'crashed'));
    worker.on('exit', () => {
      if (slot.busy) this.fail(slot, 'instance exited during the invocation', 'crashed');
      this.slots.delete(slot);
    });
    worker.unref();
    this.slots.add(slot);
    return slot;
  }

  private run(slot: Slot, pending: Pending): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const limit = pending.message.context.time_limit_in_ms as number;
    const timer = setTimeout(() => this.fail(slot, `timed out after ${limit / 1000} s`, 'timeout'), limit);
    slot.busy = { pending, started: performance.now(), timer };
    slot.worker.postMessage(pending.message);
  }

  private settle(slot: Slot): { pending: Pending; ms: number } | undefined {
    const busy = slot.busy;
    if (!busy) return undefined;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    return { pending: busy.pending, ms: Math.round(performance.now() - busy.started) };
  }

  private finish(slot: Slot, reply: ResultMessage): void {
    const done = this.settle(slot);
    if (!done) return;
    const { pending, ms } = done;
    this.options.log({ fn: this.def.name, source: pending.caller.source, ms, ok: reply.ok, error: reply.error?.message });
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new InvocationError(this.def.name, reply.error?.message ?? 'failed', 'threw'));
    slot.idleTimer = setTimeout(() => {
      // Retire it from the pool first, so no new invocation is sent to an instance that is stopping.
      this.slots.delete(slot);
      void slot.worker.terminate();
    }, this.options.idleMs);
    slot.idleTimer.unref();
    this.drain();
  }

  /** The instance is lost (crash or timeout): the invocation fails and the instance is replaced on demand. */
  private fail(slot: Slot, reason: string, kind: 'crashed' | 'timeout'): void {
    const done = this.settle(slot);
    this.slots.delete(slot);
    void slot.worker.terminate();
    if (done) {
      this.options.log({ fn: this.def.name, source: done.pending.caller.source, ms: done.ms, ok: false, error: reason });
      done.pending.reject(new InvocationError(this.def.name, reason, kind));
    }
    this.drain();
  }

  /** Kills instance `id` as a crash would: its invocation fails and a new instance takes the next. */
  kill(id: string): void {
    for (const slot of this.slots) if (slot.id === id) this.fail(slot, 'instance was killed mid-invocation', 'crashed');
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0))
      pending.reject(new InvocationError(this.def.name, 'the local cloud is stopping', 'crashed'));
    await Promise.all(
      [...this.slots].map((slot) => {
        clearTimeout(slot.idleTimer);
        return slot.worker.terminate();
      }),
    );
    this.slots.clear();
  }
}

/** The WX_* variables that `cloud.getWXContext()` reads, for this caller only. */
function identityEnv(caller: Caller): Record<string, string> {
  const values: Record<string, string | undefined> = {
    WX_OPENID: caller.openid,
    WX_APPID: caller.appid,
    WX_UNIONID: caller.unionid,
    WX_CLIENTIP: caller.clientIp,
  };
  const present = Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1]));
  // The platform always passes an API token key (which getWXContext hides); without any key the
  // SDK answers an empty context, losing ENV and SOURCE.
  present.push(['WX_TRIGGER_API_TOKEN_V0', 'local-cloud']);
  const env: Record<string, string> = Object.fromEntries(present);
  env.WX_CONTEXT_KEYS = present.map(([key]) => key).join(',');
  env.TCB_SOURCE = caller.source;
  return env;
}
