import { JSDOM } from 'jsdom';
import { resolveFromSimulator } from './simulator-modules';
import type { CompiledTemplates } from './wxml-compiler';

/** The parts of j-component and exparser the view layer uses (exparser ships no typings). */
type ExparserNode = object;
interface RootComponent {
  readonly dom: Element;
  readonly instance: object;
  setData(data: object): void;
  attach(parent: Element): void;
  detach(): void;
}
interface JComponent {
  register(definition: object): string;
  create(id: string, properties?: object): RootComponent;
}
interface Exparser {
  Event: {
    create(name: string, detail: object, options: object): unknown;
    dispatchEvent(target: ExparserNode, event: unknown): void;
  };
}

/** Where the view sends what happens on screen: an event for the `eh` handler of a page or a component. */
export interface ViewHost {
  deliver(owner: { page: ViewPage } | { component: string }, handler: string, event: object): void;
}

/** A property of a component as the logic layer declared it (its `type` a constructor of that realm). */
interface DeclaredProperty {
  type?: { name?: string } | null;
  value?: unknown;
}

const CONSTRUCTORS: Record<string, unknown> = { String, Number, Boolean, Object, Array };

let viewLayers = 0;
let modules: { jComponent: JComponent; exparser: Exparser; window: JSDOM['window'] } | null = null;

/**
 * j-component and exparser expect a DOM in the global scope when they load: give them a jsdom
 * window of their own, once per test file (the logic layer never sees it).
 */
function viewModules(): NonNullable<typeof modules> {
  if (modules) return modules;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const scope = globalThis as Record<string, unknown>;
  for (const name of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'TouchEvent', 'navigator']) {
    if (!(name in scope) || name === 'window' || name === 'document') {
      Object.defineProperty(scope, name, {
        value: (window as unknown as Record<string, unknown>)[name],
        configurable: true,
        writable: true,
      });
    }
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  // Loading the simulator registers the built-in tags (view, text, input, …) as shells that render their children.
  require('miniprogram-simulate');
  const jComponent = require(resolveFromSimulator('j-component')) as JComponent;
  const exparser = require(resolveFromSimulator('miniprogram-exparser')) as Exparser;
  /* eslint-enable @typescript-eslint/no-require-imports */
  modules = { jComponent, exparser, window };
  return modules;
}

/** An element on screen and its text (its exparser node, which events are dispatched on, hangs off the element). */
export interface ViewNode {
  element: Element;
  text: string;
}

/**
 * One page on screen. The data the logic layer sends is rendered when the test next looks at the
 * page or touches it, all pending `setData` at once: the template runtime regenerates the whole
 * page on every render (about a second at 500 orders), while what a device receives, the bytes
 * of each `setData`, is measured before it gets here.
 */
export class ViewPage {
  /** Data received and not rendered yet; each key in the order it last arrived, so one render equals rendering each in turn. */
  private pending: Record<string, unknown> | null = null;

  constructor(
    private readonly root: RootComponent,
    private readonly exparser: Exparser,
    private readonly rendered: (error: unknown) => void,
  ) {}

  /** Takes data the logic layer sent with `setData`. */
  apply(data: Record<string, unknown>): void {
    this.pending ??= {};
    for (const [key, value] of Object.entries(data)) {
      delete this.pending[key];
      this.pending[key] = value;
    }
  }

  /** Renders what arrived since the last render; the client hears of template warnings and failures. */
  render(): void {
    if (!this.pending) return;
    const data = this.pending;
    this.pending = null;
    try {
      this.root.setData(data);
      this.rendered(null);
    } catch (error) {
      this.rendered(error);
    }
  }

  /** The page's text as a reader would see it. */
  text(): string {
    this.render();
    return this.root.dom.textContent ?? '';
  }

  /** Elements matching a CSS selector (Taro writes each element's classes on its node). */
  find(selector: string): ViewNode[] {
    this.render();
    return [...this.root.dom.querySelectorAll(selector)].map((element) => ({ element, text: element.textContent ?? '' }));
  }

  /** Dispatches a WeChat event (`tap`, `input`, `confirm`…) on an element, bubbling through the page as on a device. */
  dispatch(node: ViewNode, type: string, detail: object = {}): void {
    this.render();
    const target = (node.element as Element & { __wxElement?: ExparserNode }).__wxElement;
    if (!target) throw new Error(`<${node.element.tagName.toLowerCase()}> has no node in the view tree`);
    const event = this.exparser.Event.create(type, detail, {
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: { touches: [], changedTouches: [] },
    });
    this.exparser.Event.dispatchEvent(target, event);
  }

  detach(): void {
    this.root.detach();
  }
}

/**
 * WeChat's view layer for one build: every page and custom component registered with
 * j-component on its template compiled by wcc; events go back to the logic layer as plain data.
 */
export class ViewLayer {
  private readonly jComponent: JComponent;
  private readonly exparser: Exparser;
  private readonly body: Element;
  private readonly components = new Set<string>();
  /** j-component keeps one registry per process: each view layer registers under ids of its own. */
  private readonly prefix = `view${(viewLayers += 1)}`;
  /** The page on screen behind each page component's method caller (the `this` of its handlers). */
  private readonly pages = new WeakMap<object, ViewPage>();

  constructor(
    private readonly templates: CompiledTemplates,
    private readonly host: ViewHost,
  ) {
    const loaded = viewModules();
    this.jComponent = loaded.jComponent;
    this.exparser = loaded.exparser;
    this.body = loaded.window.document.body;
  }

  /** Registers a custom component once, with the properties and options its logic-layer config declares. */
  registerComponent(path: string, usingComponents: Record<string, string>, config: { properties?: object; options?: object }): void {
    if (this.components.has(path)) return;
    this.components.add(path);
    const properties = Object.fromEntries(
      Object.entries((config.properties ?? {}) as Record<string, DeclaredProperty>).map(([name, declared]) => [
        name,
        { type: declared.type ? (CONSTRUCTORS[declared.type.name ?? ''] ?? null) : null, value: plain(declared.value) },
      ]),
    );
    const host = this.host;
    this.jComponent.register({
      id: this.idOf(path),
      tagName: path,
      template: this.templates.template(path),
      usingComponents: this.idsOf(usingComponents),
      properties,
      options: plain(config.options ?? {}),
      methods: {
        eh(event: object) {
          host.deliver({ component: path }, 'eh', event);
        },
      },
    });
  }

  /** Puts a page on screen with its initial data; `rendered` hears how each later render went. */
  mountPage(route: string, usingComponents: Record<string, string>, data: object, rendered: (error: unknown) => void): ViewPage {
    const id = this.idOf(`page:${route}`);
    if (!this.components.has(id)) {
      this.components.add(id);
      const { host, pages } = this;
      this.jComponent.register({
        id,
        tagName: 'page',
        template: this.templates.template(route),
        usingComponents: this.idsOf(usingComponents),
        methods: {
          eh(this: object, event: object) {
            const page = pages.get(this);
            if (page) host.deliver({ page }, 'eh', event);
          },
        },
      });
    }
    const root = this.jComponent.create(id);
    const page = new ViewPage(root, this.exparser, rendered);
    this.pages.set(root.instance, page);
    root.setData(data);
    root.attach(this.body);
    return page;
  }

  private idOf(path: string): string {
    return `${this.prefix}/${path}`;
  }

  private idsOf(usingComponents: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(usingComponents).map(([tag, path]) => [tag, this.idOf(path)]));
  }
}

function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
