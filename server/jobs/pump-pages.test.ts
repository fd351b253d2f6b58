import type { RequestContext } from '../runtime/wx';
import type { ItemOutcome, JobSpec } from './job-spec';
import { pumpPages } from './pump-pages';

const ASOF = Date.UTC(2026, 10, 22, 2);
const ctx = { source: 'wx_trigger', now: ASOF + 5_000 } as RequestContext;
const sweep = { asOf: ASOF, since: null };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pages of three numbers from 0 to `count - 1`; the cursor is the first number of the next page. */
function numberPages(count: number, settleAfter: number[] = []): JobSpec<number>['page'] {
  return async (_ctx, cursor, limit) => {
    const from = cursor ? Number(cursor) : 0;
    const next = from + limit < count ? String(from + limit) : null;
    return { items: Array.from({ length: Math.min(limit, count - from) }, (_, i) => from + i), next, settle: settleAfter.includes(from) };
  };
}

describe('pumping the pages of a sweep', () => {
  it('works as of the sweep, not the invocation, and counts what the item handler answers', async () => {
    const seen = new Set<number>();
    const spec: JobSpec<number> = {
      name: 'job-test-items',
      budgetMs: 1_000,
      pageSize: 3,
      concurrency: 2,
      page: (work, cursor, limit, s) => {
        seen.add(work.now);
        return numberPages(7)(work, cursor, limit, s);
      },
      handle: async (work, n) => {
        seen.add(work.now);
        if (n === 4) throw new Error('item 4');
        return n % 2 === 0 ? 'changed' : 'skipped';
      },
    };
    const saved: (string | null)[] = [];
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const pumped = await pumpPages(ctx, spec, { sweep, cursor: null, withinBudget: () => true, save: async (c) => saved.push(c) });
      expect(pumped).toEqual({ status: 'finished', note: null, cursor: null, done: true, scanned: 7, changed: 3, skipped: 3, failed: 1 });
    } finally {
      errors.mockRestore();
    }
    expect(saved).toEqual(['3', '6', null]);
    expect([...seen]).toEqual([ASOF]);
  });

  it('reads the page after a settling one only once every page in flight is done and saved', async () => {
    const events: string[] = [];
    const page = numberPages(12, [3]);
    const spec: JobSpec<number> = {
      name: 'job-test-settle',
      budgetMs: 1_000,
      pageSize: 3,
      pagesInFlight: 3,
      page: async (work, cursor, limit, s) => {
        events.push(`read ${cursor ?? 0}`);
        return page(work, cursor, limit, s);
      },
      handlePage: async (_work, items) => {
        await pause(items[0] === 0 ? 20 : 1);
        events.push(`handled ${items[0]}`);
        return items.map((): ItemOutcome => 'changed');
      },
    };
    const pumped = await pumpPages(ctx, spec, {
      sweep,
      cursor: null,
      withinBudget: () => true,
      save: async (c) => events.push(`saved ${c}`),
    });
    expect(pumped).toMatchObject({ status: 'finished', scanned: 12, done: true });
    // Page 3 settles: page 6 waits until pages 0 and 3 are handled and their cursors saved.
    expect(events.indexOf('read 6')).toBeGreaterThan(events.indexOf('saved 6'));
    expect(events.indexOf('read 3')).toBeLessThan(events.indexOf('handled 0'));
  });

  it('takes no page once the budget is spent, and pauses at the last saved cursor', async () => {
    let checks = 0;
    const spec: JobSpec<number> = {
      name: 'job-test-budget',
      budgetMs: 1_000,
      pageSize: 3,
      page: numberPages(12),
      handlePage: async (_work, items) => items.map((): ItemOutcome => 'changed'),
    };
    const pumped = await pumpPages(ctx, spec, { sweep, cursor: '3', withinBudget: () => (checks += 1) <= 2, save: async () => 1 });
    expect(pumped).toMatchObject({ status: 'paused', cursor: '9', done: false, scanned: 6 });
  });

  it('stops at a page whose handler throws, once the pages still in flight are done, with the cursor before it', async () => {
    const finished: number[] = [];
    const saved: (string | null)[] = [];
    const spec: JobSpec<number> = {
      name: 'job-test-fail',
      budgetMs: 1_000,
      pageSize: 3,
      pagesInFlight: 2,
      page: numberPages(12),
      handlePage: async (_work, items) => {
        if (items[0] === 3) throw new Error('page lost');
        await pause(items[0] === 6 ? 20 : 1);
        finished.push(items[0] as number);
        return items.map((): ItemOutcome => 'changed');
      },
    };
    const pumped = await pumpPages(ctx, spec, { sweep, cursor: null, withinBudget: () => true, save: async (c) => saved.push(c) });
    expect(pumped).toMatchObject({ status: 'failed', note: 'page lost', cursor: '3', done: false, scanned: 3 });
    expect(saved).toEqual(['3']);
    expect(finished).toEqual([0, 6]);
  });
});
