import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import type { JobSpec, Sweep } from './run-job';
import { runJob } from './run-job';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';
import { DAY_MS } from '~/core/calendar/durations';

const NOW = Date.UTC(2026, 5, 10, 2);

describe('phased keyset pages of a sweep', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    // 60 members on 4 due dates (long runs of equal values) and 25 on birthdays, some in neither.
    for (let i = 0; i < 60; i += 1) addMember(cloud, `d${String(i).padStart(2, '0')}`, NOW, { comebackDueAt: NOW - (i % 4) * DAY_MS });
    for (let i = 0; i < 25; i += 1) addMember(cloud, `b${String(i).padStart(2, '0')}`, NOW, { birthdayMonthDay: 610 + (i % 3) });
    addMember(cloud, 'later', NOW, { comebackDueAt: NOW + DAY_MS });
  });
  afterAll(() => cloud?.stop());

  const pages = phasedPages(async (pageCtx, sweep) => [
    { name: 'due', collection: 'members', where: {}, field: 'comebackDueAt', range: [pageCtx.db.command.lte(sweep.asOf)] },
    {
      name: 'birthday',
      collection: 'members',
      where: {},
      field: 'birthdayMonthDay',
      range: [pageCtx.db.command.gte(611), pageCtx.db.command.lte(612)],
    },
  ]);
  const sweep: Sweep = { asOf: NOW, since: null };

  async function readAll(limit: number, onPage?: (items: PhaseItem<'members'>[]) => Promise<void>): Promise<PhaseItem<'members'>[]> {
    const seen: PhaseItem<'members'>[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page += 1) {
      const { items, next }: { items: PhaseItem<'members'>[]; next: string | null } = await pages(ctx(NOW), cursor, limit, sweep);
      seen.push(...items);
      await onPage?.(items);
      if (!next) return seen;
      cursor = next;
    }
    throw new Error('did not end');
  }

  it('reads every document of every phase once, in (field, _id) order, whatever the page size', async () => {
    for (const limit of [1, 3, 7, 15, 100]) {
      const seen = await readAll(limit);
      const ids = seen.map((item) => `${item.phase}:${item.doc._id}`);
      expect(new Set(ids).size).toBe(ids.length);
      expect(seen.filter((item) => item.phase === 'due')).toHaveLength(60);
      expect(seen.filter((item) => item.phase === 'birthday')).toHaveLength(16);
      const due = seen.filter((item) => item.phase === 'due').map((item) => [item.doc.comebackDueAt as number, item.doc._id]);
      expect(due).toEqual([...due].sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1]))));
    }
  });

  it('loses nothing when the work moves handled documents out of the range', async () => {
    const members = ctx(NOW).db.collection('members');
    const seen = await readAll(4, async (items) => {
      for (const item of items)
        if (item.phase === 'due') await members.updateWhere({ _id: item.doc._id }, { comebackDueAt: NOW + 100 * DAY_MS });
    });
    expect(seen.filter((item) => item.phase === 'due')).toHaveLength(60);
  });

  it('starts over from an unknown cursor rather than failing', async () => {
    const first = await pages(ctx(NOW), 'not-a-cursor', 2, sweep);
    // The due phase is empty by now (the test before moved its members out): its last page is empty and settles.
    expect(first).toMatchObject({ items: [], settle: true });
    const { items } = await pages(ctx(NOW), first.next, 2, sweep);
    expect(items).toHaveLength(2);
    expect(items.every((item) => item.phase === 'birthday')).toBe(true);
  });

  it('keeps a page within the 1,000 documents the server answers per get, so a large page size still reads everything', async () => {
    const { store } = cloud;
    store.atomically(() => {
      for (let i = 0; i < 1_100; i += 1) addMember(cloud, `x${String(i).padStart(4, '0')}`, NOW, { comebackDueAt: NOW - 10 * DAY_MS });
    });
    try {
      const first = await pages(ctx(NOW), null, 5_000, sweep);
      expect(first.items).toHaveLength(999);
      const ids = (await readAll(5_000)).map((item) => item.doc._id);
      expect(ids.filter((id) => id.startsWith('x')).length).toBe(1_100);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      store.atomically(() => {
        for (let i = 0; i < 1_100; i += 1) store.remove('members', `x${String(i).padStart(4, '0')}`);
      });
    }
  });
});

describe('daily sweeps', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    for (let i = 0; i < 12; i += 1) addMember(cloud, `m${String(i).padStart(2, '0')}`, NOW, { comebackDueAt: NOW - DAY_MS });
  });
  afterAll(() => cloud?.stop());

  /** Records which sweep (as of when) handled each member. */
  const handled: string[] = [];
  const spec: JobSpec<PhaseItem<'members'>> = {
    name: 'job-test-daily',
    cadence: 'daily',
    budgetMs: 25,
    pageSize: 5,
    page: phasedPages(async (pageCtx, sweep) => [
      { name: 'due', collection: 'members', where: {}, field: 'comebackDueAt', range: [pageCtx.db.command.lte(sweep.asOf)] },
    ]),
    handle: async (handleCtx, { doc }, sweep) => {
      handled.push(`${doc._id}@${sweep.asOf}:${handleCtx.now}`);
      return 'changed';
    },
  };
  /** A clock that moves 10 ms each time the job looks at it, so the budget ends a run after a couple of pages. */
  const steppingClock = () => {
    let t = 0;
    return () => (t += 10);
  };

  it('continues one sweep as of its first tick over later ticks, then rests until the next Shanghai day', async () => {
    const first = await runJob(ctx(NOW), spec, steppingClock());
    expect(first).toMatchObject({ status: 'paused', sweepAsOf: NOW });
    const later = NOW + 10 * 60_000;
    let last = first;
    while (last?.status === 'paused') last = await runJob(ctx(later), spec, steppingClock());
    expect(last).toMatchObject({ status: 'finished', sweepAsOf: NOW });
    expect(handled).toHaveLength(12);
    expect(handled.every((entry) => entry.endsWith(`@${NOW}:${NOW}`))).toBe(true);
    // 15:59 UTC is 23:59 in Shanghai: still the same day, so nothing to do.
    expect(await runJob(ctx(Date.UTC(2026, 5, 10, 15, 59)), spec, steppingClock())).toBeNull();
    const nextDay = Date.UTC(2026, 5, 10, 16, 1);
    expect(await runJob(ctx(nextDay), { ...spec, budgetMs: 1_000 }, steppingClock())).toMatchObject({
      status: 'finished',
      sweepAsOf: nextDay,
      scanned: 12,
    });
  });
});
