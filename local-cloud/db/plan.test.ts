import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planOrder, planPrefilter } from './plan';
import { DocStore } from './store';

describe('query plans over expression indexes', () => {
  let dir: string;
  let store: DocStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lm-plan-'));
    const fields = [
      { path: 'state', order: 1 as const },
      { path: 'expiresAt', order: 1 as const },
      { path: '_id', order: 1 as const },
    ];
    store = new DocStore(join(dir, 'plan.db'), { lots: { indexes: [{ name: 'state_expires', fields }] } });
    store.atomically(() => {
      for (let i = 0; i < 3_000; i += 1)
        store.insert('lots', { _id: `lot${String(i).padStart(5, '0')}`, state: i % 10 ? 'open' : 'expired', expiresAt: 1_000 + (i % 3) });
    });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The SQL a keyset page of `query` in `order` runs, and SQLite's plan for it. */
  const pageOf = (query: Record<string, unknown>, order: [string, 1 | -1][]) => {
    const prefilter = planPrefilter(query, store.indexedPaths('lots'));
    const text = `SELECT _id FROM "lots" WHERE ${prefilter.where.join(' AND ')} ORDER BY ${planOrder(order, prefilter.fixed)} LIMIT 5`;
    const plan = (store.sql.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...prefilter.params) as { detail: string }[]).map(
      (step) => step.detail,
    );
    const ids = (store.sql.prepare(text).all(...prefilter.params) as { _id: string }[]).map((row) => row._id);
    return { prefilter, plan, ids };
  };

  it('leaves out order terms an equality pins, and reads a run of equal values in index order without sorting it', () => {
    const { prefilter, plan, ids } = pageOf({ state: 'open', expiresAt: 1_001, _id: { $gt: 'lot01000' } }, [
      ['expiresAt', 1],
      ['_id', 1],
    ]);
    expect(prefilter).toMatchObject({ exact: true, fixed: ['state', 'expiresAt'] });
    expect(
      planOrder(
        [
          ['expiresAt', 1],
          ['_id', 1],
        ],
        prefilter.fixed,
      ),
    ).toBe('_id ASC, rowid ASC');
    expect(plan.join(' | ')).toMatch(/USING INDEX ix_lots__state_expires/);
    expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    expect(ids).toEqual(['lot01003', 'lot01006', 'lot01009', 'lot01012', 'lot01015']);
  });

  it('keeps every term of a range, which the index orders by itself', () => {
    const { prefilter, plan, ids } = pageOf({ state: 'open', expiresAt: { $gt: 1_000 } }, [
      ['expiresAt', 1],
      ['_id', 1],
    ]);
    expect(prefilter.fixed).toEqual(['state']);
    expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    expect(ids).toEqual(['lot00001', 'lot00004', 'lot00007', 'lot00013', 'lot00016']);
  });

  it('reads documents named by _id by primary key, not by the range of another index', () => {
    const { prefilter, plan, ids } = pageOf(
      { _id: { $in: ['lot00001', 'lot00002', 'lot00010'] }, state: 'open', expiresAt: { $lt: 1_002 } },
      [],
    );
    expect(prefilter.exact).toBe(true);
    expect(plan.join(' | ')).toMatch(/USING INDEX sqlite_autoindex_lots_1 \(_id=\?\)/);
    expect(ids).toEqual(['lot00001']);
  });
});

describe('query plans of $or and null over indexed paths', () => {
  let dir: string;
  let store: DocStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lm-plan-or-'));
    store = new DocStore(join(dir, 'plan.db'), {
      profiles: {
        indexes: [
          { name: 'tier', fields: [{ path: 'tierId', order: 1 }] },
          { name: 'last', fields: [{ path: 'lastPurchaseAt', order: 1 }] },
        ],
      },
    });
    store.atomically(() => {
      for (let i = 0; i < 2_000; i += 1) {
        const doc: Record<string, unknown> = { _id: `p${String(i).padStart(5, '0')}`, tierId: ['gold', 'silver'][i % 2], spend: i % 7 };
        if (i % 5) doc.lastPurchaseAt = i % 5 === 1 ? null : i;
        store.insert('profiles', doc);
      }
    });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (query: Record<string, unknown>) => {
    const prefilter = planPrefilter(query, store.indexedPaths('profiles'));
    const where = prefilter.where.length ? `WHERE ${prefilter.where.join(' AND ')}` : '';
    const text = `SELECT _id FROM "profiles" ${where}`;
    const plan = (store.sql.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...prefilter.params) as { detail: string }[]).map((s) => s.detail);
    return { exact: prefilter.exact, count: (store.sql.prepare(text).all(...prefilter.params) as unknown[]).length, plan };
  };

  it('$eq null takes a null or missing indexed field, exactly', () => {
    // i % 5 === 0: missing; i % 5 === 1: null.
    expect(run({ lastPurchaseAt: { $eq: null } })).toMatchObject({ exact: true, count: 800 });
  });

  it('an $or of indexed branches is one exact OR that SQLite reads through the indexes', () => {
    const dormant = run({ $or: [{ lastPurchaseAt: { $eq: null } }, { lastPurchaseAt: { $lte: 100 } }] });
    // 800 without a purchase; of the rest (i % 5 in 2..4), those with i ≤ 100: 60.
    expect(dormant).toMatchObject({ exact: true, count: 860 });
    expect(dormant.plan.join(' ')).toMatch(/INDEX/);
    // Gold is even i: 400 without a purchase, and 1992, 1994 and 1998 from 1,990 on.
    const both = run({ tierId: 'gold', $or: [{ lastPurchaseAt: { $eq: null } }, { lastPurchaseAt: { $gte: 1_990 } }] });
    expect(both).toMatchObject({ exact: true, count: 400 + 3 });
  });

  it('a query that names its _ids inside a top-level $and still reads them by key', () => {
    const ids = ['p00002', 'p00004', 'p00005'];
    const pinned = run({ $and: [{ $or: [{ lastPurchaseAt: { $eq: null } }, { tierId: 'gold' }] }, { _id: { $in: ids } }] });
    expect(pinned).toMatchObject({ exact: true, count: 3 });
    expect(pinned.plan.join(' ')).toMatch(/PRIMARY KEY|sqlite_autoindex/);
  });

  it('an $or with a branch off the indexes is left to the JS check', () => {
    expect(run({ tierId: 'gold', $or: [{ spend: 3 }, { lastPurchaseAt: { $eq: null } }] })).toMatchObject({ exact: false, count: 1_000 });
  });
});
