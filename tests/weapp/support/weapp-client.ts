import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { LocalCloud } from '../../../local-cloud/local-cloud';
import { applyPaths } from './data-paths';
import type { LogicObject } from './logic-layer';
import { describe, LogicLayer } from './logic-layer';
import type { ViewPage } from './view-layer';
import { ViewLayer } from './view-layer';
import type { WeappBuild } from './weapp-build';
import { currentWeappBuild } from './weapp-build';
import type { PageHost } from './weapp-page';
import { WeappPage } from './weapp-page';
import type { NavigationKind, WxCall } from './wx-api';
import { createWx } from './wx-api';
import type { CompiledTemplates } from './wxml-compiler';
import { compileTemplates } from './wxml-compiler';

/** One `setData` as it crossed from the logic layer to the view: its page and its size as WeChat counts it (the JSON). */
export interface SetDataRecord {
  route: string;
  /** Which opening of the page (a page opened twice has two). */
  page: number;
  bytes: number;
}

/** WeChat's own limit on the page stack. */
const MAX_PAGES = 10;

/** The member the client signs in as, and the local cloud it talks to. */
export interface LaunchOptions {
  cloud: LocalCloud;
  openid: string;
  appid?: string;
}

interface OpenPage {
  handle: WeappPage;
  instance: LogicObject;
  view: ViewPage;
  shown: boolean;
}

let templatesOfBuild: { dir: string; templates: CompiledTemplates } | null = null;

/**
 * The built mini-program running off WeChat: its bundles in a logic layer, its templates in a view
 * layer, `setData` and events crossing between them as JSON, `wx` answered by the local cloud.
 * Everything that would break on a device is collected in `errors`: runtime errors, template
 * warnings, refused navigations and failing cloud functions.
 */
export class WeappClient implements PageHost {
  readonly errors: string[] = [];
  readonly setDataLog: SetDataRecord[] = [];
  readonly calls: WxCall[] = [];
  /** Answers to the next modals, first first; a modal with none left is confirmed. */
  readonly modalAnswers: boolean[] = [];
  /** What the next scans read, first first; null when the member closes the scanner. */
  readonly scanResults: (string | null)[] = [];

  private readonly build: WeappBuild;
  private readonly logic: LogicLayer;
  private readonly view: ViewLayer;
  private readonly templates: CompiledTemplates;
  private readonly stack: OpenPage[] = [];
  private readonly components = new Map<string, LogicObject>();
  private app: LogicObject | undefined;
  private serial = 0;
  private lastActivity = Date.now();
  /** Cloud calls and payments not answered yet. */
  private pending = 0;
  private readonly onRejection = (reason: unknown, promise: Promise<unknown>) => {
    if (this.logic.owns(promise)) this.report(`unhandled promise rejection: ${describe(reason)}`);
  };

  private constructor(private readonly options: LaunchOptions) {
    this.build = currentWeappBuild();
    if (templatesOfBuild?.dir !== this.build.dir) templatesOfBuild = { dir: this.build.dir, templates: compileTemplates(this.build.dir) };
    this.templates = templatesOfBuild.templates;
    const wx = createWx(
      {
        callFunction: (name, data) => this.callFunction(name, data),
        requestPayment: (pkg) => this.requestPayment(pkg),
        navigate: (kind, target) => this.navigate(kind, target),
        fromOutside: (value) => this.logic.fromOutside(value),
        report: (message) => this.report(message),
        modalAnswer: () => this.modalAnswers.shift() ?? true,
        scanResult: () => {
          const next = this.scanResults.shift();
          return next === undefined ? null : next;
        },
      },
      this.calls,
    );
    this.logic = new LogicLayer(this.build.dir, this.build.subpackageRoots, {
      wx,
      getApp: () => this.app,
      getCurrentPages: () => this.stack.map((page) => page.instance),
      report: (message) => this.report(message),
    });
    this.view = new ViewLayer(this.templates, {
      deliver: (owner, handler, event) => this.deliver(owner, handler, event),
    });
    process.on('unhandledRejection', this.onRejection);
  }

  /** Starts the mini-program as WeChat does: app.js, `onLaunch`, `onShow`; no page is open yet. */
  static launch(options: LaunchOptions): WeappClient {
    const client = new WeappClient(options);
    const app = client.logic.loadApp();
    client.app = app;
    const launch = client.logic.fromOutside({ path: client.build.routes[0], query: {}, scene: 1001, referrerInfo: {} });
    client.call(app, 'onLaunch', launch);
    client.call(app, 'onShow', launch);
    return client;
  }

  /** Every page route of app.json. */
  get routes(): string[] {
    return this.build.routes;
  }

  /** The page on top of the stack. */
  get page(): WeappPage {
    const top = this.stack.at(-1);
    if (!top) throw new Error('no page is open');
    return top.handle;
  }

  /** The routes on the stack, bottom first. */
  get stackRoutes(): string[] {
    return this.stack.map((page) => page.handle.route);
  }

  /** Opens `url` (`/packages/…/index?id=…`) as a link into the mini-program does: the stack starts again. */
  async open(url: string): Promise<WeappPage> {
    const failure = await this.navigate('reLaunch', { url });
    if (failure) throw new Error(failure);
    return this.page;
  }

  /** Waits until `probe` answers something truthy, checking every 10 ms, and answers it. */
  async waitFor<T>(what: string, probe: () => T | undefined | null | false | 0 | '', timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) {
        const screen = this.stack.length ? `\n${this.page.route} shows: ${this.page.text().slice(0, 400)}` : '';
        throw new Error(`waited ${timeoutMs} ms for ${what}${screen}\nerrors: ${this.errors.join('\n') || 'none'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits until no cloud call is open and nothing has crossed between the layers for `quietMs`, counted from now at the earliest. */
  async settle(quietMs = 150, timeoutMs = 15_000): Promise<void> {
    this.touch();
    await this.waitFor(`${quietMs} ms without activity`, () => this.pending === 0 && Date.now() - this.lastActivity >= quietMs, timeoutMs);
  }

  /** Renders what every page was last sent (reporting template errors), closes them and stops the bundle's timers. */
  close(): void {
    this.stack.forEach((page) => page.view.render());
    while (this.stack.length) this.unload(this.stack.pop() as OpenPage);
    this.logic.dispose();
    process.off('unhandledRejection', this.onRejection);
  }

  /** The setData records of one opening of a page. */
  setDataOf(page: WeappPage): SetDataRecord[] {
    return this.setDataLog.filter((record) => record.page === page.serial);
  }

  private report(message: string): void {
    this.errors.push(message);
  }

  private touch(): void {
    this.lastActivity = Date.now();
  }

  /** Calls a method of the app, a page or a component as WeChat would, reporting what it throws. */
  call(target: LogicObject, name: string, ...args: unknown[]): void {
    const method = target[name] as ((...args: unknown[]) => void) | undefined;
    if (typeof method !== 'function') return;
    try {
      method.apply(target, args);
    } catch (error) {
      this.report(`${String(target.route ?? 'app')} ${name} threw: ${describe(error)}`);
    }
  }

  /** The route and query of a URL, relative to the page on top; query values stay as written, as WeChat passes them. */
  private resolve(url: string): { route: string; query: Record<string, string> } | string {
    const [path = '', search = ''] = url.split('?');
    const base = this.stack.length ? posix.dirname(this.page.route) : '';
    const route = path.startsWith('/') ? path.slice(1) : posix.normalize(posix.join(base, path));
    if (!this.build.routes.includes(route)) return `page "${route}" is not found in app.json`;
    const query = Object.fromEntries(
      search
        .split('&')
        .filter(Boolean)
        .map((pair) => pair.split('=') as [string, string]),
    );
    return { route, query };
  }

  private async navigate(kind: NavigationKind, target: { url?: string; delta?: number }): Promise<string | null> {
    this.touch();
    let failure: string | null;
    try {
      failure = this.navigateNow(kind, target);
    } catch (error) {
      failure = describe(error);
    }
    if (failure) this.report(`${kind}(${target.url ?? `delta ${target.delta}`}) failed: ${failure}`);
    return failure;
  }

  private navigateNow(kind: NavigationKind, target: { url?: string; delta?: number }): string | null {
    if (kind === 'navigateBack') {
      if (this.stack.length < 2) return 'cannot navigate back at first page';
      const delta = Math.min(Math.max(target.delta ?? 1, 1), this.stack.length - 1);
      for (let i = 0; i < delta; i += 1) this.unload(this.stack.pop() as OpenPage);
      this.show(this.stack.at(-1) as OpenPage);
      return null;
    }
    const resolved = this.resolve(target.url ?? '');
    if (typeof resolved === 'string') return resolved;
    // As WeChat: a tab page is reached by switchTab (with no query) or reLaunch, nothing else reaches it, and switchTab reaches nothing else.
    const isTab = this.build.tabRoutes.includes(resolved.route);
    if (kind === 'switchTab') {
      if (!isTab) return `can not switchTab to a page that is not in the tab bar: "${resolved.route}"`;
      if (Object.keys(resolved.query).length) return 'switchTab url can not carry a query';
    } else if (isTab && kind !== 'reLaunch') {
      return `can not ${kind} a tabbar page: "${resolved.route}"`;
    }
    if (kind === 'navigateTo') {
      if (this.stack.length >= MAX_PAGES) return 'webview count limit exceed';
      const top = this.stack.at(-1);
      if (top) this.hide(top);
    } else if (kind === 'redirectTo') {
      const top = this.stack.pop();
      if (top) this.unload(top);
    } else {
      // reLaunch, and switchTab too: the stack starts again with the page (WeChat keeps tab pages loaded; this harness loads them again).
      while (this.stack.length) this.unload(this.stack.pop() as OpenPage);
    }
    this.mount(resolved.route, resolved.query);
    return null;
  }

  /** Loads and registers a custom component and the ones it uses, once each. */
  private component(path: string): void {
    if (this.components.has(path)) return;
    const config = this.logic.loadComponent(path);
    this.components.set(path, config);
    const using = this.usingComponents(path);
    this.view.registerComponent(path, using, config);
    Object.values(using).forEach((target) => this.component(target));
  }

  /** The custom components a page or component uses, by tag, as build paths (`comp`). */
  private usingComponents(path: string): Record<string, string> {
    const json = JSON.parse(readFileSync(join(this.build.dir, `${path}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
    return Object.fromEntries(
      Object.entries(json.usingComponents ?? {}).map(([tag, target]) => [
        tag,
        target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dirname(path), target)),
      ]),
    );
  }

  private mount(route: string, query: Record<string, string>): void {
    const config = this.logic.loadPage(route);
    const instance = this.logic.newObject();
    for (const key of Object.keys(config)) instance[key] = key === 'data' ? this.logic.fromOutside(config.data) : config[key];
    const serial = (this.serial += 1);
    Object.assign(instance, { route, __route__: route, options: this.logic.fromOutside(query) });
    instance.setData = (data: Record<string, unknown>, callback?: () => void) => this.setData(open, data, callback);
    const using = this.usingComponents(route);
    for (const target of Object.values(using)) this.component(target);
    const view = this.view.mountPage(route, using, JSON.parse(JSON.stringify(instance.data ?? {})) as object, (error) => {
      if (error) this.report(`${route}: the view could not render a setData: ${describe(error)}`);
      this.drainTemplateWarnings(route);
    });
    const open: OpenPage = { instance, view, shown: true, handle: new WeappPage(this, route, serial, query, instance, view) };
    this.stack.push(open);
    this.drainTemplateWarnings(route);
    this.call(instance, 'onLoad', this.logic.fromOutside(query));
    this.call(instance, 'onShow');
    setTimeout(() => {
      if (this.stack.includes(open)) this.call(instance, 'onReady');
    }, 0);
  }

  private hide(page: OpenPage): void {
    if (!page.shown) return;
    page.shown = false;
    this.call(page.instance, 'onHide');
  }

  private show(page: OpenPage): void {
    if (page.shown) return;
    page.shown = true;
    this.call(page.instance, 'onShow');
  }

  private unload(page: OpenPage): void {
    page.view.render();
    this.call(page.instance, 'onUnload');
    page.view.detach();
    page.shown = false;
  }

  private setData(page: OpenPage, data: Record<string, unknown>, callback?: () => void): void {
    this.touch();
    const json = JSON.stringify(data);
    this.setDataLog.push({ route: page.handle.route, page: page.handle.serial, bytes: Buffer.byteLength(json) });
    applyPaths(page.instance.data as Record<string, unknown>, this.logic.fromOutside(data));
    setTimeout(() => {
      this.touch();
      if (this.stack.includes(page)) page.view.apply(JSON.parse(json) as Record<string, unknown>);
      if (callback) this.call({ route: page.handle.route, callback }, 'callback');
    }, 0);
  }

  private drainTemplateWarnings(route: string): void {
    for (const warning of this.templates.drainWarnings()) this.report(`${route}: template: ${warning}`);
  }

  private deliver(owner: { page: ViewPage } | { component: string }, handler: string, event: object): void {
    this.touch();
    const payload = JSON.stringify(event);
    setTimeout(() => {
      this.touch();
      const data = this.logic.fromOutside(JSON.parse(payload) as object);
      if ('page' in owner) {
        const open = this.stack.find((page) => page.view === owner.page);
        if (open) this.call(open.instance, handler, data);
        return;
      }
      const methods = (this.components.get(owner.component)?.methods ?? {}) as LogicObject;
      const target = Object.assign(this.logic.newObject(), { route: owner.component, [handler]: methods[handler] });
      this.call(target, handler, data);
    }, 0);
  }

  private async callFunction(name: string, data: unknown): Promise<unknown> {
    this.touch();
    this.pending += 1;
    try {
      return await this.options.cloud.invoke(name, data, {
        source: 'wx_client',
        openid: this.options.openid,
        appid: this.options.appid ?? 'wx0000000000local',
      });
    } catch (error) {
      this.report(`cloud function ${name} failed: ${describe(error)}`);
      throw error;
    } finally {
      this.pending -= 1;
      this.touch();
    }
  }

  /** The member pays in WeChat Pay's sheet: the local cloud's simulated payment succeeds and its callback runs. */
  private async requestPayment(pkg: string): Promise<void> {
    const prepayId = pkg.replace(/^prepay_id=/, '');
    const payment = this.options.cloud.payments.list().find((candidate) => candidate.prepayId === prepayId);
    if (!payment) throw new Error(`no payment is waiting for ${pkg}`);
    this.pending += 1;
    try {
      await this.options.cloud.settlePayment(payment.outTradeNo, 'SUCCESS');
    } finally {
      this.pending -= 1;
      this.touch();
    }
  }
}
