import type { LogicObject } from './logic-layer';
import type { ViewNode, ViewPage } from './view-layer';

/** What a page on screen needs from its client. */
export interface PageHost {
  waitFor<T>(what: string, probe: () => T | undefined | null | false | 0 | '', timeoutMs?: number): Promise<T>;
  /** Waits until the client has answered what it was last asked. */
  settle(): Promise<void>;
  /** Calls a page method as WeChat would, reporting what it throws. */
  call(instance: LogicObject, method: string, ...args: unknown[]): void;
}

/** One opening of a page, as a test drives it: read what is on screen, tap, type, scroll. */
export class WeappPage {
  constructor(
    private readonly host: PageHost,
    readonly route: string,
    /** Which opening of a page this is, to tell its setData apart from an earlier opening's. */
    readonly serial: number,
    readonly query: Record<string, string>,
    private readonly instance: LogicObject,
    private readonly view: ViewPage,
  ) {}

  /** The page's text as a reader sees it. */
  text(): string {
    return this.view.text();
  }

  /** Elements matching a CSS selector, optionally only those whose text contains `text`. */
  find(selector: string, text?: string): ViewNode[] {
    return this.view.find(selector).filter((node) => text === undefined || node.text.includes(text));
  }

  /** Waits for an element (with `text` in it, when given) to be on screen. */
  waitFor(selector: string, text?: string, timeoutMs?: number): Promise<ViewNode> {
    const what = `${selector}${text === undefined ? '' : ` with "${text}"`} on ${this.route}`;
    return this.host.waitFor(what, () => this.find(selector, text)[0], timeoutMs);
  }

  /** Waits for `text` anywhere on the page. */
  waitForText(text: string, timeoutMs?: number): Promise<true> {
    return this.host.waitFor(`"${text}" on ${this.route}`, () => this.text().includes(text), timeoutMs);
  }

  /**
   * Taps the first element matching `selector` (and containing `text`), once it is on screen, then
   * waits, as a person does, until the page has answered the tap (its calls and its `setData`).
   */
  async tap(selector: string, text?: string): Promise<void> {
    this.view.dispatch(await this.waitFor(selector, text), 'tap', { x: 0, y: 0 });
    await this.host.settle();
  }

  /**
   * Types `value` into the input or textarea at `selector` (or inside it): native fields are empty
   * shells off WeChat, so the event carries what WeChat's `input` event would.
   */
  async input(selector: string, value: string): Promise<void> {
    const node = await this.waitFor(selector);
    const field = /^(input|textarea)$/i.test(node.element.tagName.replace(/^wx-/i, ''))
      ? node
      : this.view.find(`${selector} wx-input, ${selector} wx-textarea`)[0];
    if (!field) throw new Error(`${selector} on ${this.route} holds no input or textarea`);
    this.view.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.host.settle();
  }

  /** Scrolls to the bottom: WeChat calls the page's `onReachBottom`. */
  reachBottom(): void {
    this.host.call(this.instance, 'onReachBottom');
  }

  /** Pulls down to refresh: WeChat calls the page's `onPullDownRefresh`. */
  pullDownRefresh(): void {
    this.host.call(this.instance, 'onPullDownRefresh');
  }
}
