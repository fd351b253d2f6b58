import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/** One pass of a job over everything due: every invocation of it decides as of `asOf`. */
export interface Sweep {
  asOf: EpochMs;
  /** `asOf` of the last finished sweep (null before the first): what became due since then is this sweep's. */
  since: EpochMs | null;
}

/** What became of one item: its effect done, nothing to do, or the error that stopped it. */
export type ItemOutcome = 'changed' | 'skipped' | { error: unknown };

interface JobBase<Item> {
  name: string;
  /** `daily`: one sweep per Shanghai day, continued on later ticks until done; `eachTick` (the default): a new sweep on every tick after the last finished. */
  cadence?: 'daily' | 'eachTick';
  /** Stop taking new pages after this long, well before the platform's time limit. */
  budgetMs: number;
  pageSize: number;
  /**
   * Pages handled at once (1 by default): a job whose pages wait on many requests in turn keeps
   * the database busy with the next page meanwhile. The cursor is still saved page by page, in
   * order, once each page and every page before it are done.
   */
  pagesInFlight?: number;
  /**
   * The next page after `cursor` (null: from the start), by an indexed range, never by skip.
   * `settle`: the pages after this one may read its effects, so they are read once every page
   * in flight is done.
   */
  page(
    ctx: RequestContext,
    cursor: string | null,
    limit: number,
    sweep: Sweep,
  ): Promise<{ items: Item[]; next: string | null; settle?: boolean }>;
  /** How many items the whole sweep covers, by indexed counts, for a run's progress; absent when it cannot be told cheaply. */
  estimate?(ctx: RequestContext, sweep: Sweep): Promise<number>;
}

/** One job: pages of work read by an indexed cursor, and what to do with each item (one at a time, or a page at once). */
export type JobSpec<Item> = JobBase<Item> &
  (
    | {
        /** Does one item's effect; every effect carries a natural key, so doing it twice changes nothing. */
        handle(ctx: RequestContext, item: Item, sweep: Sweep): Promise<'changed' | 'skipped'>;
        /** Items of one page handled at once (they belong to different members). */
        concurrency?: number;
        handlePage?: never;
      }
    | {
        /**
         * Does the effects of a page's items together (to batch their requests), answering each item's outcome in
         * order; natural keys as for `handle`. A handler that throws stops the run before its page: the next run
         * does the page again from the cursor saved before it.
         */
        handlePage(ctx: RequestContext, items: Item[], sweep: Sweep): Promise<ItemOutcome[]>;
        handle?: never;
      }
  );
