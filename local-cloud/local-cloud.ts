import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { loadCollections } from './db/collections';
import { DatabaseEngine } from './db/engine';
import { DocStore } from './db/store';
import { Outbox } from './dev/outbox';
import { paymentCallbackEvent, Payments } from './dev/payments';
import { DevSessions } from './dev/sessions';
import type { Caller, InvocationLog } from './functions/pool';
import { FunctionPool, InvocationError } from './functions/pool';
import type { FunctionDef } from './functions/registry';
import { loadFunctions } from './functions/registry';
import { clientIp, cookie, json, readJson } from './gateway/http';
import { serveFile, serveStatic } from './gateway/static';
import { handleTcb } from './protocol/tcb';
import type { TimerSpec } from './timers';
import { TimerScheduler, timerEvent, timersOf } from './timers';

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
  functions: Map<string, FunctionDef>;
  invoke(fn: string, event: unknown, caller?: Partial<Caller>): Promise<unknown>;
  /** Fires a function's timer trigger now (or as of `at`). */
  runTimer(fn: string, at?: number): Promise<unknown>;
  /** Completes a simulated payment and delivers the callback once. */
  settlePayment(outTradeNo: string, outcome: 'SUCCESS' | 'PAYERROR'): Promise<unknown>;
  /**
   * Sets the clock the functions see (Date.now inside every instance) to `at`, or back to the
   * machine's time with null; timers fired without a time use it too. For tests that move time.
   */
  setClock(at: number | null): void;
  /** The time the functions see now. */
  now(): number;
  stop(): Promise<void>;
}

const SESSION_COOKIE = 'lm_dev_session';
const SECRET = 'local-cloud';

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
  const platformEnv: Record<string, string> = {
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
        env: { ...platformEnv, SCF_FUNCTIONNAME: def.name, ...def.config.envVariables, ...options.functionEnv?.[def.name] },
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

  const tcbServices = (fn: string, instance: string) => ({
    engine,
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

  const settlePayment = async (outTradeNo: string, outcome: 'SUCCESS' | 'PAYERROR') => {
    const payment = payments.settle(outTradeNo, outcome, Date.now());
    if (!payment) throw new Error(`payment ${outTradeNo} is not waiting to be paid`);
    return invoke(payment.callbackFn, paymentCallbackEvent(payment, appid), { source: 'wx_paycallback' });
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

  const storefront = join(options.root, 'dist', 'h5');
  const adminSite = join(options.root, 'dist', 'admin');

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    // Pages on other sites must not reach the database or the dev endpoints through a browser.
    const origin = req.headers.origin;
    if (
      req.method !== 'GET' &&
      req.method !== 'HEAD' &&
      origin &&
      origin !== baseUrl &&
      origin !== baseUrl.replace('127.0.0.1', 'localhost')
    ) {
      return json(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: `cross-site request from ${origin}` } });
    }
    const tcb = /^\/tcb\/([^/]+)\/([^/]+)\/admin$/.exec(path);
    if (tcb && req.method === 'POST') return handleTcb(tcbServices(tcb[1] as string, tcb[2] as string), tcb[1] as string, req, res);

    const fnCall = /^\/fn\/([a-z][a-z0-9-]*)$/.exec(path);
    if (fnCall && req.method === 'POST') {
      const name = fnCall[1] as string;
      // Timer jobs are not reachable from browsers, as they have no HTTP access in production.
      if (!pools.has(name) || name.startsWith('job-'))
        return json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `no function ${name}` } });
      const openid = sessions.openidOf(cookie(req, SESSION_COOKIE));
      const caller: Caller = openid
        ? { source: 'wx_client', openid, appid, clientIp: clientIp(req) }
        : { source: 'wx_http', clientIp: clientIp(req) };
      let event: unknown;
      try {
        event = await readJson(req);
      } catch {
        return json(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'body must be JSON' } });
      }
      try {
        return json(res, 200, await pools.get(name)?.invoke(event, caller));
      } catch (error) {
        return json(res, 502, { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } });
      }
    }

    if (path === '/dev/session' && req.method === 'GET') return json(res, 200, { openid: sessions.openidOf(cookie(req, SESSION_COOKIE)) });
    if (path === '/dev/login' && req.method === 'POST') {
      const session = sessions.create(Date.now());
      res.setHeader('set-cookie', `${SESSION_COOKIE}=${session.sid}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`);
      return json(res, 200, { openid: session.openid });
    }
    if (path === '/dev/clock' && req.method === 'GET') return json(res, 200, { now: now(), offsetMs: clock.offsetMs });
    if (path === '/dev/clock' && req.method === 'POST') {
      const body = (await readJson(req)) as { at?: unknown } | null;
      const at = body?.at;
      if (at !== null && (typeof at !== 'number' || !Number.isFinite(at)))
        return json(res, 400, { ok: false, error: 'send {"at": <epoch ms>} or {"at": null}' });
      setClock(at);
      return json(res, 200, { now: now(), offsetMs: clock.offsetMs });
    }
    if (path === '/dev/outbox' && req.method === 'GET') return json(res, 200, { messages: outbox.list() });
    if (path === '/dev/payments' && req.method === 'GET') return json(res, 200, { payments: payments.list() });
    const settle = /^\/dev\/payments\/([^/]+)\/(confirm|fail)$/.exec(path);
    if (settle && req.method === 'POST') {
      try {
        const result = await settlePayment(decodeURIComponent(settle[1] as string), settle[2] === 'confirm' ? 'SUCCESS' : 'PAYERROR');
        return json(res, 200, { ok: true, callback: result });
      } catch (error) {
        return json(res, 409, { ok: false, error: { code: 'CONFLICT', message: (error as Error).message } });
      }
    }
    const timer = /^\/dev\/timers\/([a-z0-9-]+)\/run$/.exec(path);
    if (timer && req.method === 'POST') {
      try {
        return json(res, 200, { ok: true, result: await runTimer(timer[1] as string) });
      } catch (error) {
        return json(res, 409, { ok: false, error: { code: 'CONFLICT', message: (error as Error).message } });
      }
    }

    if ((req.method === 'GET' || req.method === 'HEAD') && path.startsWith('/media/')) {
      if (options.mediaDir && serveFile(resolve(options.mediaDir), path.slice('/media/'.length), res)) return;
      return json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `no media ${path}` } });
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path === '/admin') {
        res.writeHead(302, { location: '/admin/' });
        return void res.end();
      }
      if (path.startsWith('/admin/') && serveStatic(adminSite, path.slice('/admin/'.length), res)) return;
      if (!path.startsWith('/admin/') && serveStatic(storefront, path.slice(1), res)) return;
    }
    json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `${req.method} ${path}` } });
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      log(`[gateway] ${req.method} ${req.url} failed: ${error.stack ?? error.message}`);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: error.message } });
      else res.end();
    });
  });
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
    functions,
    invoke,
    runTimer,
    settlePayment,
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
