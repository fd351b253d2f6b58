import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Context } from 'node:vm';
import { createContext, runInContext, Script } from 'node:vm';

/**
 * Browser names WeChat's logic layer hides from every module by making them parameters of the
 * function it wraps the module in: each reads as `undefined` there, whatever a page expects.
 */
const SHADOWED = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'Reporter',
  'webkit',
  'WeixinJSCore',
];

/** An object made by the bundle: a page or component config, an app, a page instance. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LogicObject = Record<string, any>;

/** What the logic layer needs from the rest of the simulated client. */
export interface LogicHost {
  /** The `wx` object the bundle sees. */
  wx: object;
  getApp: () => LogicObject | undefined;
  getCurrentPages: () => LogicObject[];
  /** A runtime error inside the bundle: a throwing timer, a `console.error`, a refused `require`. */
  report: (message: string) => void;
}

interface Module {
  exports: unknown;
}

/**
 * WeChat's logic layer for one build: a context of its own with no browser globals and no code
 * generation from strings, the module wrapper and `require` WeChat uses (a subpackage requires
 * only the main package and itself), and the `App()`, `Page()` and `Component()` registries.
 */
export class LogicLayer {
  private readonly context: Context;
  private readonly modules = new Map<string, Module>();
  private readonly registered = new Map<string, LogicObject>();
  private loading: string | null = null;
  private app: LogicObject | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly intervals = new Set<ReturnType<typeof setInterval>>();
  private readonly json: JSON;
  private readonly promise: PromiseConstructor;

  constructor(
    private readonly dir: string,
    private readonly subpackageRoots: string[],
    private readonly host: LogicHost,
  ) {
    const warn = (...parts: unknown[]) => host.report(`console.warn: ${parts.map(describe).join(' ')}`);
    this.context = createContext(
      {
        wx: host.wx,
        getApp: host.getApp,
        getCurrentPages: host.getCurrentPages,
        App: (config: LogicObject) => void (this.app = config),
        Page: (config: LogicObject) => this.register('Page', config),
        Component: (config: LogicObject) => this.register('Component', config),
        Behavior: (config: LogicObject) => config,
        requirePlugin: (name: string) => {
          throw new Error(`plugin ${name} is not declared in app.json`);
        },
        console: {
          log: () => undefined,
          info: () => undefined,
          debug: () => undefined,
          warn,
          error: (...parts: unknown[]) => host.report(`console.error: ${parts.map(describe).join(' ')}`),
        },
        setTimeout: (callback: () => void, ms?: number) => this.setTimer(callback, ms),
        clearTimeout: (handle: ReturnType<typeof setTimeout>) => this.clearTimer(handle),
        setInterval: (callback: () => void, ms?: number) => this.setRepeating(callback, ms),
        clearInterval: (handle: ReturnType<typeof setInterval>) => this.clearRepeating(handle),
      },
      { name: 'weapp logic layer', codeGeneration: { strings: false, wasm: false } },
    );
    this.json = runInContext('JSON', this.context) as JSON;
    this.promise = runInContext('Promise', this.context) as PromiseConstructor;
  }

  /** Runs app.js and answers the config it passed to `App()`. */
  loadApp(): LogicObject {
    this.require('app.js', '/app.js');
    if (!this.app) throw new Error('app.js did not call App()');
    return this.app;
  }

  /** Runs a page's script once and answers the config it passed to `Page()`. */
  loadPage(route: string): LogicObject {
    return this.loadRegistered(`${route}.js`, 'Page');
  }

  /** Runs a custom component's script once and answers the config it passed to `Component()`. */
  loadComponent(path: string): LogicObject {
    return this.loadRegistered(`${path}.js`, 'Component');
  }

  /** A copy of `value` made of the logic layer's own objects, as data crossing from the view or a native API arrives. */
  fromOutside<T>(value: T): T {
    return value === undefined ? value : (this.json.parse(JSON.stringify(value)) as T);
  }

  /** Whether a promise was made inside the bundle (not by the harness around it). */
  owns(promise: Promise<unknown>): boolean {
    return promise instanceof this.promise;
  }

  /** A plain object of the logic layer's realm. */
  newObject(): LogicObject {
    return this.json.parse('{}') as LogicObject;
  }

  /** Stops every timer the bundle left running. */
  dispose(): void {
    this.timers.forEach((handle) => clearTimeout(handle));
    this.intervals.forEach((handle) => clearInterval(handle));
    this.timers.clear();
    this.intervals.clear();
  }

  private loadRegistered(file: string, kind: 'Page' | 'Component'): LogicObject {
    const known = this.registered.get(file);
    if (known) return known;
    const outer = this.loading;
    this.loading = file;
    try {
      this.require(file, `/${file}`);
    } finally {
      this.loading = outer;
    }
    const config = this.registered.get(file);
    if (!config) throw new Error(`${file} did not call ${kind}()`);
    return config;
  }

  private register(kind: 'Page' | 'Component', config: LogicObject): void {
    if (!this.loading) throw new Error(`${kind}() called outside the loading of a page or component`);
    this.registered.set(this.loading, config);
  }

  private packageOf(file: string): string {
    return this.subpackageRoots.find((root) => file.startsWith(`${root}/`)) ?? 'main';
  }

  private require(from: string, request: string): unknown {
    const target = join(request.startsWith('/') ? '' : dirname(from), request.replace(/^\//, '')).replace(/\\/g, '/');
    const file = target.endsWith('.js') ? target : `${target}.js`;
    const fromPackage = this.packageOf(from);
    const toPackage = this.packageOf(file);
    if (from !== file && toPackage !== 'main' && toPackage !== fromPackage) {
      const message = `${from} requires ${file}: WeChat lets a ${fromPackage === 'main' ? 'main-package' : 'subpackage'} file require only the main package${fromPackage === 'main' ? '' : ' and its own subpackage'}`;
      this.host.report(message);
      throw new Error(message);
    }
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    const module: Module = { exports: {} };
    this.modules.set(file, module);
    const source = readFileSync(join(this.dir, file), 'utf8');
    const wrapper = new Script(`(function (require, module, exports, ${SHADOWED.join(', ')}) {${source}\n})`, {
      filename: join(this.dir, file),
    }).runInContext(this.context) as (require: (request: string) => unknown, module: Module, exports: unknown) => void;
    wrapper.call(module.exports, (next: string) => this.require(file, next), module, module.exports);
    return module.exports;
  }

  private guarded(callback: () => void, what: string): () => void {
    return () => {
      try {
        callback();
      } catch (error) {
        this.host.report(`${what}: ${describe(error)}`);
      }
    };
  }

  private setTimer(callback: () => void, ms?: number): ReturnType<typeof setTimeout> {
    const handle = setTimeout(() => {
      this.timers.delete(handle);
      this.guarded(callback, 'a timer callback threw')();
    }, ms);
    this.timers.add(handle);
    return handle;
  }

  private clearTimer(handle: ReturnType<typeof setTimeout>): void {
    clearTimeout(handle);
    this.timers.delete(handle);
  }

  private setRepeating(callback: () => void, ms?: number): ReturnType<typeof setInterval> {
    const handle = setInterval(this.guarded(callback, 'an interval callback threw'), ms);
    this.intervals.add(handle);
    return handle;
  }

  private clearRepeating(handle: ReturnType<typeof setInterval>): void {
    clearInterval(handle);
    this.intervals.delete(handle);
  }
}

/** A readable one-line account of anything thrown or logged: an error reads as its message and where it was thrown. */
export function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'message' in value && 'stack' in value) {
    const error = value as Error;
    // The first frame only, without its `at` (a test runner would quote every frame of a minified bundle).
    const frame = /\(?([^\s()]+:\d+:\d+)\)?\s*$/m.exec(
      error.stack
        ?.split('\n')
        .slice(1)
        .find((line) => /:\d+:\d+/.test(line)) ?? '',
    );
    return `${error.name}: ${error.message}${frame ? ` [${frame[1]}]` : ''}`;
  }
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
