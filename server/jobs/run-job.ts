import { randomBytes } from 'node:crypto';
import { dayOf } from '~/core/calendar/shanghai';
import type { JobRunDoc, JobStateDoc } from '~/types/jobs';
import type { EpochMs } from '~/types/units';
import { eachLimited } from '../runtime/each-limited';
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

/** Extra time past the budget before another run may take over a lease. */
const LEASE_MARGIN_MS = 60_000;

/** The note on a run whose lease the next run found left behind. */
export const CUT_OFF = 'cut off before it finished; the next run continued';

const idle = (state: JobStateDoc, cadence: JobSpec<unknown>['cadence'], now: EpochMs) =>
  cadence === 'daily' && state.sweepAsOf == null && state.lastSweepAsOf != null && dayOf(state.lastSweepAsOf) === dayOf(now);

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

/**
 * Runs one invocation of a job: takes the job's lease (so two overlapping runs never work the
 * same range), continues the sweep in progress from its stored cursor (or starts one, as of the
 * invocation's `now`), saves the cursor after every page, and stops when the sweep is done or
 * the budget is spent; the next tick continues. A crash leaves the cursor at the last saved
 * page, and redoing that page changes nothing (natural keys, decisions as of the sweep's
 * `asOf`). Answers null without recording a run when a daily job has already swept today.
 * `clock` measures the budget only; the calendar is `ctx.now`.
 */
export async function runJob<Item>(ctx: RequestContext, spec: JobSpec<Item>, clock: () => EpochMs = Date.now): Promise<JobRunDoc | null> {
  const _ = ctx.db.command;
  const states = ctx.db.collection('job_state');
  const runs = ctx.db.collection('job_runs');
  const started = clock();
  const fresh: JobStateDoc = {
    _id: spec.name,
    cursor: null,
    leaseOwner: null,
    leaseUntil: 0,
    lastFinishedAt: null,
    sweepAsOf: null,
    lastSweepAsOf: null,
  };
  const before = (await states.get(spec.name)) ?? ((await states.insert(fresh)) ? fresh : ((await states.get(spec.name)) as JobStateDoc));
  if (idle(before, spec.cadence, ctx.now)) return null;

  const run: JobRunDoc = {
    _id: `${spec.name}:${ctx.now}:${randomBytes(4).toString('hex')}`,
    job: spec.name,
    status: 'running',
    startedAt: ctx.now,
    finishedAt: null,
    scanned: 0,
    changed: 0,
    skipped: 0,
    failed: 0,
    cursor: null,
    note: null,
    sweepAsOf: null,
  };
  const leaseUntil = ctx.now + spec.budgetMs + LEASE_MARGIN_MS;
  const leased = await states.updateWhere({ _id: spec.name, leaseUntil: _.lt(ctx.now) }, { leaseOwner: run._id, leaseUntil });
  if (leased !== 1) {
    await runs.insert({ ...run, status: 'skipped', finishedAt: ctx.now, note: 'another run holds the lease' });
    return { ...run, status: 'skipped', finishedAt: ctx.now, note: 'another run holds the lease' };
  }
  const state = (await states.get(spec.name)) as JobStateDoc;
  // A lease left behind means its run was cut off (instance killed or timed out): say so on its record.
  if (before.leaseOwner && before.leaseOwner !== run._id) {
    await runs.updateWhere({ _id: before.leaseOwner, status: 'running' }, { status: 'failed', note: CUT_OFF });
  }
  const release = (fields: Partial<JobStateDoc>) =>
    states.updateWhere({ _id: spec.name, leaseOwner: run._id }, { leaseOwner: null, leaseUntil: 0, ...fields });
  // Another run may have finished today's sweep between the first read and the lease.
  if (idle(state, spec.cadence, ctx.now)) {
    await release({});
    return null;
  }
  const sweep: Sweep = { asOf: state.sweepAsOf ?? ctx.now, since: state.lastSweepAsOf ?? null };
  if (state.sweepAsOf == null) await states.updateWhere({ _id: spec.name, leaseOwner: run._id }, { sweepAsOf: sweep.asOf, cursor: null });
  run.sweepAsOf = sweep.asOf;
  await runs.insert(run);

  const work: RequestContext = { ...ctx, now: sweep.asOf };
  let cursor = state.sweepAsOf == null ? null : state.cursor;
  let done = false;
  // The next page is read while this one is handled: the cursor is a keyset, so what this page's effects change cannot move it.
  const read = (after: string | null) => {
    const page = spec.page(work, after, spec.pageSize, sweep);
    page.catch(() => undefined); // awaited below, or dropped with the run when the budget ends first
    return page;
  };
  const tally = (outcomes: ItemOutcome[]) => {
    for (const outcome of outcomes) {
      run.scanned += 1;
      if (typeof outcome === 'string') {
        run[outcome] += 1;
      } else {
        run.failed += 1;
        console.error(`[${spec.name}] item failed`, outcome.error);
      }
    }
  };
  let reading: ReturnType<typeof read> | null = read(cursor);
  /** The page after a settling one, read once the pages in flight are done. */
  let settled: string | null = null;
  const handling: { outcomes: Promise<ItemOutcome[]>; next: string | null }[] = [];
  try {
    for (;;) {
      while (reading && handling.length < (spec.pagesInFlight ?? 1) && clock() - started < spec.budgetMs) {
        const { items, next, settle }: Awaited<ReturnType<typeof read>> = await reading;
        reading = next === null || settle ? null : read(next);
        if (settle) settled = next;
        const outcomes = outcomesOf(spec, work, items, sweep);
        outcomes.catch(() => undefined); // awaited in order below
        handling.push({ outcomes, next });
      }
      const page = handling.shift();
      if (!page) break;
      tally(await page.outcomes);
      cursor = page.next;
      done = cursor === null;
      await states.updateWhere({ _id: spec.name, leaseOwner: run._id }, { cursor });
      if (handling.length === 0 && settled !== null) {
        reading = read(settled);
        settled = null;
      }
    }
    run.status = done ? 'finished' : 'paused';
  } catch (error) {
    run.status = 'failed';
    run.note = (error as Error).message;
    // Pages still in flight finish before the lease is released, so the next run never works beside them.
    await Promise.allSettled(handling.map((page) => page.outcomes));
  }
  run.cursor = cursor;
  run.finishedAt = ctx.now + (clock() - started);
  // The record first: once the lease is released, the next run may take it and look at this record.
  const { _id, ...fields } = run;
  await runs.updateWhere({ _id }, fields);
  await release(done ? { lastFinishedAt: run.finishedAt, sweepAsOf: null, lastSweepAsOf: sweep.asOf, cursor: null } : {});
  return run;
}
