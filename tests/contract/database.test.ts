import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startTestCloud } from '../support/local-cloud';
import type { RawCloud } from '../support/sdk';
import { connectSdk } from '../support/sdk';

/**
 * Pins the WeChat cloud database semantics our code relies on, driving the unmodified
 * wx-server-sdk against the local cloud.
 */
describe('database protocol through the real wx-server-sdk', () => {
  let local: LocalCloud;
  let cloud: RawCloud;
  let db: RawCloud;
  let _: RawCloud;

  beforeAll(async () => {
    local = await startTestCloud({ functions: false, collectionsFile: `${__dirname}/../fixtures/contract-collections.json` });
    cloud = connectSdk(local.tcbUrl);
    db = cloud.database();
    _ = db.command;
  });

  afterAll(() => local?.stop());

  beforeEach(() => {
    for (const name of ['items', 'accounts', 'events']) local.store.sql.exec(`DELETE FROM "${name}"`);
  });

  describe('missing documents', () => {
    it('doc().get() of a missing document throws by default', async () => {
      await expect(db.collection('items').doc('nope').get()).rejects.toThrow(/does not exist/);
    });

    it('answers data: null when throwOnNotFound is off', async () => {
      const lenient = cloud.database({ throwOnNotFound: false });
      await expect(lenient.collection('items').doc('nope').get()).resolves.toMatchObject({ data: null });
    });

    it('update and remove of a missing document change nothing', async () => {
      const updated = await db
        .collection('items')
        .doc('nope')
        .update({ data: { a: 1 } });
      expect(updated.stats.updated).toBe(0);
      const removed = await db.collection('items').doc('nope').remove();
      expect(removed.stats.removed).toBe(0);
    });
  });

  describe('writes', () => {
    it('add() with a taken _id fails with E11000 and keeps the first document', async () => {
      await db.collection('items').add({ data: { _id: 'k', sku: 'a', n: 1 } });
      const error = await db
        .collection('items')
        .add({ data: { _id: 'k', sku: 'b', n: 2 } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ errCode: -502001 });
      expect(String((error as { errMsg: string }).errMsg)).toMatch(/E11000 duplicate key/);
      expect((await db.collection('items').doc('k').get()).data).toMatchObject({ sku: 'a', n: 1 });
    });

    it('a unique index refuses a second document with the same key', async () => {
      await db.collection('items').add({ data: { sku: 'same' } });
      await expect(db.collection('items').add({ data: { sku: 'same' } })).rejects.toMatchObject({ errCode: -502001 });
      expect((await db.collection('items').where({ sku: 'same' }).count()).total).toBe(1);
    });

    it('add() without _id generates one', async () => {
      const { _id } = await db.collection('events').add({ data: { kind: 'x' } });
      expect(_id).toMatch(/^[0-9a-f]{32}$/);
    });

    it('a write to a collection that was never created fails loudly', async () => {
      await expect(db.collection('nowhere').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
    });

    it('update operators work on dot paths and arrays', async () => {
      await db.collection('events').add({ data: { _id: 'e', n: 1, tags: ['a'], nested: { keep: true }, gone: 1 } });
      await db
        .collection('events')
        .doc('e')
        .update({
          data: { n: _.inc(2), tags: _.push(['b']), 'nested.count': 5, gone: _.remove(), list: _.addToSet('x') },
        });
      const { data } = await db.collection('events').doc('e').get();
      expect(data).toEqual({ _id: 'e', n: 3, tags: ['a', 'b'], nested: { keep: true, count: 5 }, list: ['x'] });
    });

    it('set() replaces the whole document', async () => {
      await db.collection('events').add({ data: { _id: 's', a: 1, b: 2 } });
      await db
        .collection('events')
        .doc('s')
        .set({ data: { c: 3 } });
      expect((await db.collection('events').doc('s').get()).data).toEqual({ _id: 's', c: 3 });
    });

    it('serverDate() is replaced by the server time and read back as a Date', async () => {
      const before = Date.now();
      await db.collection('events').add({ data: { _id: 'd', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
      const { data } = await db.collection('events').doc('d').get();
      expect(data.at).toBeInstanceOf(Date);
      expect(data.at.getTime()).toBeGreaterThanOrEqual(before - 5);
      expect(data.at.getTime()).toBeLessThanOrEqual(Date.now() + 5);
      expect(data.later.getTime() - data.at.getTime()).toBe(60_000);
      const found = await db
        .collection('events')
        .where({ at: _.lte(db.serverDate()) })
        .get();
      expect(found.data.map((d: { _id: string }) => d._id)).toEqual(['d']);
    });
  });

  describe('guarded updates', () => {
    it('stats.updated is 1 when the guard holds and 0 when it does not', async () => {
      await db.collection('accounts').add({ data: { _id: 'm1', points: 10 } });
      const spend = (n: number) =>
        db
          .collection('accounts')
          .where({ _id: 'm1', points: _.gte(n) })
          .update({ data: { points: _.inc(-n) } });
      expect((await spend(7)).stats.updated).toBe(1);
      expect((await spend(7)).stats.updated).toBe(0);
      expect((await db.collection('accounts').doc('m1').get()).data.points).toBe(3);
    });

    it('200 concurrent guarded decrements on 50 units: exactly 50 succeed', async () => {
      await db.collection('accounts').add({ data: { _id: 'stock', units: 50 } });
      const results = await Promise.all(
        Array.from({ length: 200 }, () =>
          db
            .collection('accounts')
            .where({ _id: 'stock', units: _.gt(0) })
            .update({ data: { units: _.inc(-1) } }),
        ),
      );
      expect(results.filter((r: RawCloud) => r.stats.updated === 1)).toHaveLength(50);
      expect((await db.collection('accounts').doc('stock').get()).data.units).toBe(0);
    });
  });

  describe('queries', () => {
    beforeEach(async () => {
      for (let i = 0; i < 30; i += 1) {
        await db.collection('items').add({
          data: {
            _id: `i${String(i).padStart(2, '0')}`,
            sku: `s${i}`,
            rank: i % 10,
            tags: i % 2 ? ['odd'] : ['even', 'x'],
            meta: { group: i % 3 },
          },
        });
      }
    });

    it('orderBy, skip and limit page through in order', async () => {
      const page = await db.collection('items').orderBy('rank', 'desc').orderBy('sku', 'asc').skip(2).limit(3).get();
      // rank 9 holds s19, s29, s9 in sku order; rank 8 follows with s18, s28, s8.
      expect(page.data.map((d: { sku: string }) => d.sku)).toEqual(['s9', 's18', 's28']);
    });

    it('a get without limit answers at most 100 and limit is capped at 1000 on the server', async () => {
      const many = Array.from({ length: 1100 }, (_v, i) => ({ sku: `bulk${i}`, rank: 100 }));
      for (let i = 0; i < many.length; i += 100) {
        await Promise.all(many.slice(i, i + 100).map((data) => db.collection('items').add({ data })));
      }
      expect((await db.collection('items').where({ rank: 100 }).get()).data).toHaveLength(100);
      expect((await db.collection('items').where({ rank: 100 }).limit(1000).get()).data).toHaveLength(1000);
      const capped = await db.collection('items').where({ rank: 100 }).limit(1000).skip(1000).get();
      expect(capped.data).toHaveLength(100);
    });

    it('_.in and _.nin on a dot path and on an array field', async () => {
      const inGroup = await db
        .collection('items')
        .where({ 'meta.group': _.in([0]) })
        .count();
      expect(inGroup.total).toBe(10);
      const tagged = await db
        .collection('items')
        .where({ tags: _.in(['x']) })
        .count();
      expect(tagged.total).toBe(15);
      const notTagged = await db
        .collection('items')
        .where({ tags: _.nin(['odd']) })
        .count();
      expect(notTagged.total).toBe(15);
      const elementMatch = await db.collection('items').where({ tags: 'odd' }).count();
      expect(elementMatch.total).toBe(15);
    });

    it('_.or and _.exists', async () => {
      await db
        .collection('items')
        .doc('i00')
        .update({ data: { flagged: true } });
      const either = await db
        .collection('items')
        .where(_.or([{ rank: 1 }, { 'meta.group': 2, rank: 2 }]))
        .get();
      // rank 1: s1, s11, s21; rank 2 with group 2: s2 (2 % 3 = 2), not s12 (0) or s22 (1).
      expect(either.data.map((d: { sku: string }) => d.sku).sort()).toEqual(['s1', 's11', 's2', 's21']);
      expect(
        (
          await db
            .collection('items')
            .where({ flagged: _.exists(true) })
            .count()
        ).total,
      ).toBe(1);
      expect(
        (
          await db
            .collection('items')
            .where({ 'meta.none': _.exists(false) })
            .count()
        ).total,
      ).toBe(30);
    });

    it('_.eq(null) takes null and missing fields, inside _.or with a range, and _.and of two bounds on one indexed path', async () => {
      local.store.sql.exec(`DELETE FROM "items"`);
      const ranks: unknown[] = [null, 1, 2, 3, 4];
      for (const [i, rank] of ranks.entries())
        await db.collection('items').add({ data: { _id: `n${i}`, sku: `n${i}`, rank, meta: { group: i % 2 } } });
      await db.collection('items').add({ data: { _id: 'nmissing', sku: 'nmissing', meta: { group: 1 } } });
      const ids = async (where: unknown) =>
        (await db.collection('items').where(where).orderBy('_id', 'asc').get()).data.map((d: { _id: string }) => d._id);
      expect(await ids({ rank: _.eq(null) })).toEqual(['n0', 'nmissing']);
      expect(await ids(_.or([{ rank: _.eq(null) }, { rank: _.lte(2) }]))).toEqual(['n0', 'n1', 'n2', 'nmissing']);
      expect(await ids(_.and([{ rank: _.gt(1) }, { rank: _.lte(3) }, { 'meta.group': _.in([0]) }]))).toEqual(['n2']);
      expect(
        await ids(_.and([{ rank: _.gte(2) }, _.or([{ 'meta.group': 1 }, { rank: 4 }]), { _id: _.gt('n1') }, { _id: _.lte('n4') }])),
      ).toEqual(['n3', 'n4']);
      const counted = await db
        .collection('items')
        .where(_.or([{ rank: _.eq(null) }, { rank: _.gte(4) }]))
        .count();
      expect(counted.total).toBe(3);
    });

    it('comparisons on an indexed field keep MongoDB type brackets', async () => {
      local.store.sql.exec(`DELETE FROM "items"`);
      const ranks: unknown[] = [1, 5, 7.5, '5', '9', true, false, null];
      for (const [i, rank] of ranks.entries()) await db.collection('items').add({ data: { _id: `t${i}`, sku: `t${i}`, rank } });
      await db.collection('items').add({ data: { _id: 'tmissing', sku: 'tmissing' } });
      const ids = async (where: unknown) =>
        (await db.collection('items').where(where).orderBy('_id', 'asc').get()).data.map((d: { _id: string }) => d._id);
      expect(await ids({ rank: _.gte(5) })).toEqual(['t1', 't2']);
      expect(await ids({ rank: _.gte('5') })).toEqual(['t3', 't4']);
      expect(await ids({ rank: 5 })).toEqual(['t1']);
      expect(await ids({ rank: '5' })).toEqual(['t3']);
      expect(await ids({ rank: true })).toEqual(['t5']);
      expect(await ids({ rank: _.in([true, false]) })).toEqual(['t5', 't6']);
      expect(await ids({ rank: _.in([1, '9']) })).toEqual(['t0', 't4']);
      expect(await ids({ rank: _.lt(2) })).toEqual(['t0']);
      expect(
        (
          await db
            .collection('items')
            .where({ rank: _.gte(1) })
            .count()
        ).total,
      ).toBe(3);
    });

    it('aggregate groups and sorts', async () => {
      const { list } = await db
        .collection('items')
        .aggregate()
        .match({ rank: _.lt(3) })
        .group({ _id: '$rank', n: db.command.aggregate.sum(1) })
        .sort({ _id: 1 })
        .end();
      expect(list).toEqual([
        { _id: 0, n: 3 },
        { _id: 1, n: 3 },
        { _id: 2, n: 3 },
      ]);
    });

    it('a keyset page within a run of equal values (`rank = v, _id > id`) comes in `_id` order, whatever the order on rank', async () => {
      // rank 4 holds i04, i14, i24 among the 30 items; more join the run.
      for (let i = 0; i < 12; i += 1)
        await db.collection('items').add({ data: { _id: `r${String(i).padStart(2, '0')}`, sku: `r${i}`, rank: 4 } });
      const page = async (after: string, direction: 'asc' | 'desc') =>
        (
          await db
            .collection('items')
            .where({ rank: 4, _id: _.gt(after) })
            .orderBy('rank', direction)
            .orderBy('_id', 'asc')
            .limit(4)
            .get()
        ).data.map((d: { _id: string }) => d._id);
      expect(await page('i14', 'asc')).toEqual(['i24', 'r00', 'r01', 'r02']);
      expect(await page('r02', 'desc')).toEqual(['r03', 'r04', 'r05', 'r06']);
      const all: string[] = [];
      for (let batch = await page('', 'asc'); batch.length > 0; batch = await page(all.at(-1) as string, 'asc')) all.push(...batch);
      expect(all).toEqual(['i04', 'i14', 'i24', ...Array.from({ length: 12 }, (_v, i) => `r${String(i).padStart(2, '0')}`)]);
    });

    it('projection returns only the chosen fields', async () => {
      const { data } = await db.collection('items').where({ sku: 's3' }).field({ rank: true }).get();
      expect(data).toEqual([{ _id: 'i03', rank: 3 }]);
    });
  });

  describe('transactions', () => {
    it('commits reads and writes of several documents together', async () => {
      await db.collection('accounts').add({ data: { _id: 'a', points: 10 } });
      await db.runTransaction(async (tx: RawCloud) => {
        const { data } = await tx.collection('accounts').doc('a').get();
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { points: data.points - 4 } });
        await tx.collection('events').add({ data: { _id: 'spend:a:1', points: -4 } });
      });
      expect((await db.collection('accounts').doc('a').get()).data.points).toBe(6);
      expect((await db.collection('events').doc('spend:a:1').get()).data.points).toBe(-4);
    });

    it('an error inside the callback rolls everything back', async () => {
      await db.collection('accounts').add({ data: { _id: 'b', points: 10 } });
      await expect(
        db.runTransaction(async (tx: RawCloud) => {
          await tx
            .collection('accounts')
            .doc('b')
            .update({ data: { points: _.inc(-5) } });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await db.collection('accounts').doc('b').get()).data.points).toBe(10);
    });

    it('two concurrent transactions on one document: one conflicts and retries, the result is as if serial', async () => {
      await db.collection('accounts').add({ data: { _id: 'c', points: 0 } });
      let runs = 0;
      let release: () => void = () => undefined;
      const bothRead = new Promise<void>((resolve) => {
        let waiting = 2;
        release = () => {
          waiting -= 1;
          if (waiting === 0) resolve();
        };
      });
      const addTen = () =>
        db.runTransaction(async (tx: RawCloud) => {
          runs += 1;
          const { data } = await tx.collection('accounts').doc('c').get();
          if (runs <= 2) {
            release();
            await bothRead;
          }
          await tx
            .collection('accounts')
            .doc('c')
            .update({ data: { points: data.points + 10 } });
        });
      await Promise.all([addTen(), addTen()]);
      expect(runs).toBe(3);
      expect((await db.collection('accounts').doc('c').get()).data.points).toBe(20);
      expect(local.engine.transactions.openCount).toBe(0);
    });

    it('where() inside a transaction fails as it does on WeChat cloud', async () => {
      await expect(db.runTransaction(async (tx: RawCloud) => tx.collection('accounts').where({ points: 1 }).get())).rejects.toMatchObject({
        errCode: -502001,
      });
    });

    it('add() of several documents inside a transaction fails as it does on WeChat cloud (no batch operations)', async () => {
      await expect(
        db.runTransaction(async (tx: RawCloud) => tx.collection('events').add({ data: [{ _id: 'b1' }, { _id: 'b2' }] })),
      ).rejects.toMatchObject({ errCode: -502001 });
      expect(
        (
          await db
            .collection('events')
            .where({ _id: _.in(['b1', 'b2']) })
            .count()
        ).total,
      ).toBe(0);
      const { _ids } = await db.collection('events').add({ data: [{ _id: 'b1' }, { _id: 'b2' }] });
      expect(_ids).toEqual(['b1', 'b2']);
    });

    it('a duplicate insert inside a transaction aborts it', async () => {
      await db.collection('events').add({ data: { _id: 'once' } });
      await expect(
        db.runTransaction(async (tx: RawCloud) => {
          await tx.collection('accounts').add({ data: { _id: 'side', points: 1 } });
          await tx.collection('events').add({ data: { _id: 'once' } });
        }),
      ).rejects.toBeDefined();
      await expect(db.collection('accounts').doc('side').get()).rejects.toThrow(/does not exist/);
    });
  });
});
