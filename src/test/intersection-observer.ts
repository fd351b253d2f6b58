/**
 * jsdom has no IntersectionObserver; Taro's H5 Image needs one for `lazyLoad`. This one reports
 * every observed element as visible at once, as a laid-out page would for images on screen.
 */
class VisibleIntersectionObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element): void {
    this.callback(
      [{ target, isIntersecting: true, intersectionRatio: 1 } as IntersectionObserverEntry],
      this as unknown as IntersectionObserver,
    );
  }
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}

if (typeof globalThis.IntersectionObserver !== 'function') {
  Object.defineProperty(globalThis, 'IntersectionObserver', { writable: true, configurable: true, value: VisibleIntersectionObserver });
}

export {};
