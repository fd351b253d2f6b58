import type { Page } from 'playwright-core';

/** What one page of the H5 build did under load, as measured inside Chromium. */
export interface ScrollFigures {
  /** From navigation start to the first list item in the DOM. */
  firstRenderMs: number | null;
  /** From the first scroll step to the end of the list on screen (or the stall). */
  scrollThroughMs: number;
  /** Items in the list at the end, and whether the list said it had no more. */
  items: number;
  reachedEnd: boolean;
  /** Set when no new item arrived for `stallMs` while at the bottom. */
  stalled: boolean;
  /** The longest gap between two animation frames while scrolling. */
  longestFrameMs: number;
  /** Frames longer than 50 ms while scrolling. */
  slowFrames: number;
  frames: number;
  /** Main-thread tasks over 50 ms while scrolling (PerformanceObserver `longtask`). */
  longTasks: { count: number; totalMs: number; longestMs: number };
  /** Element count of the document at the end. */
  domNodes: number;
}

interface Probe {
  firstItemAt: number | null;
  recording: boolean;
  frames: number[];
  longTasks: number[];
}

declare global {
  interface Window {
    __uiBench?: Probe;
  }
}

/**
 * Installs the probes before the app's own scripts run: when the first `itemSelector` appears,
 * every long task, and the gap between animation frames while recording.
 */
export async function installProbes(page: Page, itemSelector: string): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name` helper; the
  // functions sent into the page need it there too.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  await page.addInitScript((selector: string) => {
    const probe: Probe = { firstItemAt: null, recording: false, frames: [], longTasks: [] };
    window.__uiBench = probe;
    new PerformanceObserver((list) => {
      if (!probe.recording) return;
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    const watch = new MutationObserver(() => {
      if (probe.firstItemAt === null && document.querySelector(selector)) {
        probe.firstItemAt = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(document, { childList: true, subtree: true });
    let last = 0;
    const tick = (at: number) => {
      if (probe.recording && last > 0) probe.frames.push(at - last);
      last = at;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, itemSelector);
}

/**
 * Scrolls the page on screen down by `stepPx` each animation frame, as a steady finger would,
 * letting the page load its next pages when it nears the bottom, until the list footer says there
 * is no more and the bottom is on screen, or nothing new arrives for `stallMs`, or `timeoutMs`.
 */
export async function scrollToEnd(
  page: Page,
  options: { itemSelector: string; endSelector: string; stepPx: number; stallMs: number; timeoutMs: number },
): Promise<ScrollFigures> {
  return page.evaluate(async (opts) => {
    const probe = window.__uiBench as Probe;
    const scroller = () =>
      [...document.querySelectorAll<HTMLElement>('.taro_page')].find((el) => el.getClientRects().length > 0) as HTMLElement;
    const count = () => scroller().querySelectorAll(opts.itemSelector).length;
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    probe.recording = true;
    const started = performance.now();
    let seen = count();
    let changedAt = started;
    let stalled = false;
    let reachedEnd = false;
    while (performance.now() - started < opts.timeoutMs) {
      const page = scroller();
      page.scrollBy(0, opts.stepPx);
      await nextFrame();
      const now = performance.now();
      const items = count();
      if (items !== seen) {
        seen = items;
        changedAt = now;
      }
      const atBottom = page.scrollTop + page.clientHeight >= page.scrollHeight - 2;
      if (atBottom && page.querySelector(opts.endSelector)) {
        reachedEnd = true;
        break;
      }
      if (atBottom && now - changedAt > opts.stallMs) {
        stalled = true;
        break;
      }
    }
    const scrollThroughMs = performance.now() - started;
    probe.recording = false;
    const frames = probe.frames;
    return {
      firstRenderMs: probe.firstItemAt,
      scrollThroughMs,
      items: count(),
      reachedEnd,
      stalled,
      longestFrameMs: frames.length ? Math.max(...frames) : 0,
      slowFrames: frames.filter((gap) => gap > 50).length,
      frames: frames.length,
      longTasks: {
        count: probe.longTasks.length,
        totalMs: probe.longTasks.reduce((sum, ms) => sum + ms, 0),
        longestMs: probe.longTasks.length ? Math.max(...probe.longTasks) : 0,
      },
      domNodes: document.getElementsByTagName('*').length,
    };
  }, options);
}
