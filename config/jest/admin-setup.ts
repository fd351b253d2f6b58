/** Browser APIs Ant Design expects that jsdom does not provide; loaded before each admin test file. */

if (typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (typeof window.ResizeObserver !== 'function') {
  class NoopResizeObserver implements ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: NoopResizeObserver });
}

// @rc-component/form schedules its watchers with MessageChannel, which the jsdom environment
// does not expose; a timer gives the same "after the current task" ordering.
if (typeof globalThis.MessageChannel !== 'function') {
  class TimerMessagePort {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    peer: TimerMessagePort | null = null;
    postMessage(data: unknown): void {
      setTimeout(() => this.peer?.onmessage?.({ data }), 0);
    }
    start(): void {}
    close(): void {
      this.onmessage = null;
    }
  }
  class TimerMessageChannel {
    readonly port1 = new TimerMessagePort();
    readonly port2 = new TimerMessagePort();
    constructor() {
      this.port1.peer = this.port2;
      this.port2.peer = this.port1;
    }
  }
  Object.defineProperty(globalThis, 'MessageChannel', {
    writable: true,
    configurable: true,
    value: TimerMessageChannel,
  });
}

// jsdom throws "Not implemented" for the pseudo-element argument that antd passes when it
// measures scrollbars; answer with the element's own style instead.
const jsdomGetComputedStyle = window.getComputedStyle.bind(window);
Object.defineProperty(window, 'getComputedStyle', {
  writable: true,
  configurable: true,
  value: (element: Element) => jsdomGetComputedStyle(element),
});

export {};
