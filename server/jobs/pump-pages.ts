import type { JobRunDoc } from '~/types/jobs';
import { eachLimited } from '../runtime/each-limited';
import type { RequestContext } from '../runtime/wx';
import type { ItemOutcome, JobSpec, Sweep } from './job-spec';

/** How a run's pages went: its items' outcomes, the last cursor saved, and how it stopped. */
export interface Pumped extends Pick<JobRunDoc, 'scanned' | 'changed' | 'skipped' | 'failed' | 'cursor' | 'note'> {
  status: 'finished' | 'paused' | 'failed';
  /** The saved cursor is the sweep's end. */
  done: boolean;
}

/** Each item's outcome, by the job's page handler (which may throw: see handlePage) or its item handler. */
async function outcomesOf<Item>(spec: JobSpec<Item>, ctx: RequestContext, items: Item[], sweep: Sweep): Promise<ItemOutcome[]> {
  if (spec.handlePage) return spec.handlePage(ctx, items, sweep);
  const handle = spec.handle;
  const outcomes: ItemOutcome[] = [];
  await eachLimited(items, spec.concurrency ?? 1, async (item, index) => {
    outcomes[index] = await handle(ctx, item, sweep).catch((error: unknown) => ({ error }));
  });
  return outcomes;
}

/** Counts a page's outcomes into `counts`, logging each item that failed. */
function tally(counts: Pick<Pumped, 'scanned' | 'changed' | 'skipped' | 'failed'>, outcomes: ItemOutcome[], job: string): void {
  for (const outcome of outcomes) {
    counts.scanned += 1;
    if (typeof outcome === 'string') {
      counts[outcome] += 1;
    } else {
      counts.failed += 1;
      console.error(`[${job}] item failed`, outcome.error);
    }
  }
}

/**
 * Works a sweep's pages from `cursor`, as of the sweep's `asOf`: reads each page, handles up to
 * `pagesInFlight` at once, and saves the cursor after each page, in order, once it and every page
 * before it are done. Takes no new page once `withinBudget` answers false; stops at the sweep's
 * end or at the first page whose handler or cursor write throws (then `failed`, with the error's
 * message as its note, once every page still in flight is done).
 */
export async function pumpPages<Item>(
  ctx: RequestContext,
  spec: JobSpec<Item>,
  input: {
    sweep: Sweep;
    cursor: string | null;
    withinBudget: () => boolean;
    /** Saves the cursor after a page, with the run's counts so far (for its progress). */
    save: (cursor: string | null, counts: Pick<Pumped, 'scanned' | 'changed' | 'skipped' | 'failed'>) => Promise<unknown>;
  },
): Promise<Pumped> {
  const { sweep } = input;
  const work: RequestContext = { ...ctx, now: sweep.asOf };
  const pumped: Pumped = { status: 'paused', note: null, cursor: input.cursor, done: false, scanned: 0, changed: 0, skipped: 0, failed: 0 };
  // The next page is read while this one is handled: the cursor is a keyset, so what this page's effects change cannot move it.
  const read = (after: string | null) => {
    const page = spec.page(work, after, spec.pageSize, sweep);
    page.catch(() => undefined); // awaited below, or dropped with the run when the budget ends first
    return page;
  };
  let reading: ReturnType<typeof read> | null = read(input.cursor);
  /** The page after a settling one, read once the pages in flight are done. */
  let settled: string | null = null;
  const handling: { outcomes: Promise<ItemOutcome[]>; next: string | null }[] = [];
  try {
    for (;;) {
      while (reading && handling.length < (spec.pagesInFlight ?? 1) && input.withinBudget()) {
        const { items, next, settle }: Awaited<ReturnType<typeof read>> = await reading;
        reading = next === null || settle ? null : read(next);
        if (settle) settled = next;
        const outcomes = outcomesOf(spec, work, items, sweep);
        outcomes.catch(() => undefined); // awaited in order below
        handling.push({ outcomes, next });
      }
      const page = handling.shift();
      if (!page) break;
      tally(pumped, await page.outcomes, spec.name);
      pumped.cursor = page.next;
      pumped.done = pumped.cursor === null;
      const { scanned, changed, skipped, failed } = pumped;
      await input.save(pumped.cursor, { scanned, changed, skipped, failed });
      if (handling.length === 0 && settled !== null) {
        reading = read(settled);
        settled = null;
      }
    }
    pumped.status = pumped.done ? 'finished' : 'paused';
  } catch (error) {
    pumped.status = 'failed';
    pumped.note = (error as Error).message;
    // Pages still in flight finish before the lease is released, so the next run never works beside them.
    await Promise.allSettled(handling.map((page) => page.outcomes));
  }
  return pumped;
}
