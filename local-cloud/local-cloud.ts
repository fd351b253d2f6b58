import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadCollections } from './db/collections';
import { DatabaseEngine } from './db/engine';
import { DocStore } from './db/store';
import { Outbox } from './dev/outbox';
import type { Payment, RefundOutcome } from './dev/payments';
import { paymentCallbackEvent, Payments, refundCallbackEvent } from './dev/payments';
import { DevSessions } from './dev/sessions';
import type { Caller, InvocationLog } from './functions/pool';
import { FunctionPool, InvocationError } from './functions/pool';
import type { FunctionDef } from './functions/registry';
import { loadFunctions } from './functions/registry';
import { clockRoutes } from './gateway/clock-routes';
import { databaseRoutes } from './gateway/database-routes';
import { functionRoutes } from './gateway/function-routes';
import { createGateway } from './gateway/gateway';
import { outboxRoutes } from './gateway/outbox-routes';
import { paymentRoutes } from './gateway/payment-routes';
import { sessionRoutes } from './gateway/session-routes';
import { siteRoutes } from './gateway/site-routes';
import { storageRoutes } from './gateway/storage-routes';
import { timerRoutes } from './gateway/timer-routes';
import type { TcbServices } from './protocol/tcb';
import { CloudStorage } from './storage/cloud-storage';
import type { TimerSpec } from './timers';
import { TimerScheduler, timerEvent, timersOf } from './timers';
import { Faults } from './faults';

export interface LocalCloudOptions {
  /** Repository root: holds cloudfunctions/ and dist/. */
  root: string;
  /** Folder for the SQLite file (`cloud.db`). */
  dataDir: string;
  port?: number;
  host?: string;
  envId?: string;
  appid?: string;
  /** Environment variables set on individual functions, as in the cloud console. */
  functionEnv?: Record<string, Record<string, string>>;
  /** Instances per function (worker threads). */
  maxInstances?: number;
  /** Fire timer triggers on their schedules (tests run them on demand instead). */
  timers?: boolean;
  /** Where an invocation log line goes. */
  log?: (line: string) => void;
  /** The collections file; defaults to cloudfunctions/collections.json. */
  collectionsFile?: string;
  /** Load and run the built functions (the contract suite drives the database alone). */
  functions?: boolean;
  /** Where the functions live; defaults to cloudfunctions/. */
  functionsDir?: string;
  /** A folder of pictures served at GET /media/… (the demo catalogue's); none when omitted. */
  mediaDir?: string;
}

export interface LocalCloud {
  url: string;
  /** SDK endpoint for code outside any function (tests, benchmarks, seeding). */
  tcbUrl: string;
  store: DocStore;
  engine: DatabaseEngine;
  outbox: Outbox;
  payments: Payments;
  /** Cloud storage on local files, which functions reach through the SDK. */
  storage: CloudStorage;
  functions: Map<string, FunctionDef>;
  /** Database calls made to fail, time out, kill their instance or wait, by rule. */
  faults: Faults;
  invoke(fn: string, event: unknown, caller?: Partial<Caller>): Promise<unknown>;
  /** Fires a function's timer trigger now (or as of `at`). */
  runTimer(fn: string, at?: number): Promise<unknown>;
  /**
   * Completes a simulated payment and delivers the callback once; with `{ deliver: false }` only
   * completes it, as when WeChat Pay has the money and its callback is still on its way
   * (`deliverPaymentCallback` delivers it later).
   */
  settlePayment(outTradeNo: string, outcome: 'SUCCESS' | 'PAYERROR', options?: { deliver?: boolean }): Promise<unknown>;
  /** Delivers the callback of a completed payment (again), as WeChat Pay does until it is acknowledged. */
  deliverPaymentCallback(outTradeNo: string): Promise<unknown>;
  /**
   * Delivers WeChat Pay's asynchronous result of a refund it took (the local cloud makes refunds
   * at once and never sends it by itself): SUCCESS, or the abnormal CHANGE / REFUNDCLOSE.
   */
  deliverRefundResult(outRefundNo: string, outcome: RefundOutcome): Promise<unknown>;
  /**
   * Sets the clock the functions see (Date.now inside every instance) to `at`, or back to the
   * machine's time with null; timers fired without a time use it too. For tests that move time.
   */
  setClock(at: number | null): void;
  /** The time the functions see now. */
  now(): number;
  stop(): Promise<void>;
}

const SECRET = 'local-cloud';

/** The environment the platform sets for every function run; without `TENCENTCLOUD_RUNENV=SCF` the SDK would look for a cloud metadata host before every call. */
function platformEnv(envId: string): Record<string, string> {
  return {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TENCENTCLOUD_SECRETID: SECRET,
    TENCENTCLOUD_SECRETKEY: SECRET,
    TENCENTCLOUD_SESSIONTOKEN: SECRET,
    TZ: 'UTC',
    PATH: process.env.PATH ?? '',
    NODE_ENV: process.env.NODE_ENV ?? 'development',
  };
}

/**
 * What the SDK in an instance of function `fn` reaches besides the database: other functions (as
 * the caller of that instance, through `scf`), openapi calls (to the outbox, when the function's
 * config.json lists them), the simulated WeChat Pay and cloud storage.
 */
function platformServices(input: {
  engine: DatabaseEngine;
  functions: Map<string, FunctionDef>;
  outbox: Outbox;
  payments: Payments;
  storage: CloudStorage;
  invoke: (fn: string, event: unknown, caller?: Partial<Caller>) => Promise<unknown>;
  callerOf: (fn: string, instance: string) => Caller | undefined;
  log: (line: string) => void;
  faults: Faults;
  kill: (fn: string, instance: string) => void;
}): (fn: string, instance: string) => TcbServices {
  const { engine, functions, outbox, payments, storage, invoke, callerOf, log, faults, kill } = input;
  return (fn, instance) => ({
    engine,
    storage,
    faults,
    killInstance: () => kill(fn, instance),
    callFunction: (name: string, data: unknown) => {
      const parent = callerOf(fn, instance);
      return invoke(name, data, { ...parent, source: `${parent?.source ?? 'wx_http'},scf` });
    },
    openApi: async (caller: string, api: string, args: Record<string, unknown>) => {
      const allowed = functions.get(caller)?.config.permissions?.openapi ?? [];
      if (!allowed.includes(api)) {
        return { errcode: -604101, errmsg: `[local-cloud] ${caller} has no permission for openapi.${api}: list it in its config.json` };
      }
      const message = outbox.record(caller, api, args, Date.now());
      log(`[openapi] ${caller} ${api} to ${message.touser ?? '-'} (outbox #${message.id})`);
      return { errcode: 0, errmsg: 'ok' };
    },
    pay: async (caller: string, api: string, args: Record<string, unknown>) =>
      payments.call(caller, callerOf(fn, instance)?.openid ?? null, api, args, Date.now()),
  });
}

/** Starts the local WeChat cloud: database endpoint, function instances, timers and the HTTP gateway. */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const envId = options.envId ?? 'local';
  const appid = options.appid ?? 'wx0000000000local';
  const log = options.log ?? ((line: string) => console.log(line));
  const functionsDir = options.functionsDir ?? join(options.root, 'cloudfunctions');
  mkdirSync(options.dataDir, { recursive: true });

  const functions = options.functions === false ? new Map<string, FunctionDef>() : loadFunctions(options.root, functionsDir);
  const collections = loadCollections(options.collectionsFile ?? join(options.root, 'cloudfunctions', 'collections.json'));
  const store = new DocStore(join(options.dataDir, 'cloud.db'), collections);
  const engine = new DatabaseEngine(store);
  const outbox = new Outbox(store.sql);
  const payments = new Payments(store.sql);
  const sessions = new DevSessions(store.sql);

  let baseUrl = '';
  const storage = new CloudStorage({ dir: join(options.dataDir, 'storage'), envId, origin: () => baseUrl, now: () => now() });
  const writeLog = (entry: InvocationLog) =>
    log(`[fn] ${entry.fn} ${entry.source} ${entry.ms}ms ${entry.ok ? 'ok' : `FAILED ${entry.error ?? ''}`}`);
  const pools = new Map<string, FunctionPool>();
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  const setClock = (at: number | null) => {
    clock.offsetMs = at === null ? 0 : at - Date.now();
  };
  for (const def of functions.values()) {
    pools.set(
      def.name,
      new FunctionPool(def, {
        env: { ...platformEnv(envId), SCF_FUNCTIONNAME: def.name, ...def.config.envVariables, ...options.functionEnv?.[def.name] },
        tcbUrl: (fn, instance) => `${baseUrl}/tcb/${fn}/${instance}/admin`,
        maxInstances: options.maxInstances ?? 4,
        idleMs: 60_000,
        log: writeLog,
        clock,
      }),
    );
  }

  const invoke = (fn: string, event: unknown, caller: Partial<Caller> = {}) => {
    const pool = pools.get(fn);
    if (!pool) return Promise.reject(new InvocationError(fn, 'function not found', 'threw'));
    return pool.invoke(event, { source: 'wx_http', ...caller });
  };

  const callerOf = (fn: string, instance: string): Caller | undefined => pools.get(fn)?.callerOf(instance);
  const faults = new Faults();
  const kill = (fn: string, instance: string) => pools.get(fn)?.kill(instance);

  const deliver = (payment: Payment) => invoke(payment.callbackFn, paymentCallbackEvent(payment, appid), { source: 'wx_paycallback' });
  const settlePayment = async (outTradeNo: string, outcome: 'SUCCESS' | 'PAYERROR', options: { deliver?: boolean } = {}) => {
    const payment = payments.settle(outTradeNo, outcome, Date.now());
    if (!payment) throw new Error(`payment ${outTradeNo} is not waiting to be paid`);
    return options.deliver === false ? payment : deliver(payment);
  };
  const deliverPaymentCallback = async (outTradeNo: string) => {
    const payment = payments.get(outTradeNo);
    if (!payment || payment.state === 'NOTPAY' || payment.state === 'CLOSED')
      throw new Error(`payment ${outTradeNo} has no result to deliver`);
    return deliver(payment);
  };
  const deliverRefundResult = async (outRefundNo: string, outcome: RefundOutcome) => {
    const refund = payments.refundByNo(outRefundNo);
    if (!refund) throw new Error(`refund ${outRefundNo} was never taken by the simulated WeChat Pay`);
    return invoke(refund.payment.callbackFn, refundCallbackEvent(refund, outcome, appid, Date.now()), { source: 'wx_paycallback' });
  };

  const timerSpecs = timersOf(functions.values());
  const runSpec = (spec: TimerSpec, at: number) => invoke(spec.fn, timerEvent(spec, at), { source: 'wx_trigger' });
  const runTimer = (fn: string, at = now()) => {
    const spec = timerSpecs.find((t) => t.fn === fn);
    if (!spec) return Promise.reject(new Error(`${fn} has no timer trigger`));
    return runSpec(spec, at);
  };
  const scheduler = new TimerScheduler(timerSpecs, (spec, at) => {
    runSpec(spec, at).catch((error: Error) => log(`[timer] ${spec.fn} failed: ${error.message}`));
  });

  const routes = [
    ...databaseRoutes({
      services: platformServices({ engine, functions, outbox, payments, storage, invoke, callerOf, log, faults, kill }),
    }),
    ...functionRoutes({ pools, sessions, appid }),
    ...sessionRoutes({ sessions }),
    ...clockRoutes({ now, clock, setClock }),
    ...outboxRoutes({ outbox }),
    ...paymentRoutes({ payments, settlePayment }),
    ...timerRoutes({ runTimer }),
    ...storageRoutes({ storage, sessions }),
    ...siteRoutes({ root: options.root, mediaDir: options.mediaDir }),
  ];
  const server: Server = createServer(createGateway(routes, { origin: () => baseUrl, log }));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  if (options.timers !== false) scheduler.start();

  return {
    url: baseUrl,
    tcbUrl: `${baseUrl}/tcb/-/-/admin`,
    store,
    engine,
    outbox,
    payments,
    storage,
    functions,
    faults,
    invoke,
    runTimer,
    settlePayment,
    deliverPaymentCallback,
    deliverRefundResult,
    setClock,
    now,
    async stop() {
      scheduler.stop();
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      outbox.flush();
      store.close();
    },
  };
}
