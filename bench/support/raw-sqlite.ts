import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ITEM_COUNT, itemId, itemText, PAGE, seededRandom } from './items';
import type { BenchOperations } from './sdk-operations';

/** The benchmark operations straight on better-sqlite3, with the local cloud's own table layout. */
export interface RawSqlite extends BenchOperations {
  close(): void;
}

/** Creates and seeds `items.db` in `dir` (WAL, synchronous NORMAL, as the local cloud) and builds the operations. */
export function openRawSqlite(dir: string, seed: number): RawSqlite {
  const sql = new Database(join(dir, 'items.db'));
  sql.pragma('journal_mode = WAL');
  sql.pragma('synchronous = NORMAL');
  sql.exec('CREATE TABLE items (_id TEXT PRIMARY KEY, doc TEXT NOT NULL, v INTEGER NOT NULL)');
  sql.exec(`CREATE INDEX ix_items__rank ON items (json_extract(doc, '$.rank') ASC)`);
  const insert = sql.prepare('INSERT INTO items (_id, doc, v) VALUES (?, ?, ?)');
  sql.transaction(() => {
    for (let i = 0; i < ITEM_COUNT; i += 1) insert.run(itemId(i), itemText(i), i + 1);
  })();

  const get = sql.prepare('SELECT _id, doc, v FROM items WHERE _id = ?');
  const decrement = sql.prepare(
    `UPDATE items SET doc = json_set(doc, '$.stock', json_extract(doc, '$.stock') - 1), v = ?
     WHERE _id = ? AND json_extract(doc, '$.stock') >= 1`,
  );
  const page = sql.prepare(
    `SELECT _id, doc, v FROM items WHERE json_extract(doc, '$.rank') >= ?
     ORDER BY json_extract(doc, '$.rank') ASC, rowid ASC LIMIT ${PAGE}`,
  );
  let clock = ITEM_COUNT;
  const guarded = sql.transaction((id: string) => decrement.run((clock += 1), id).changes);

  const random = seededRandom(seed);
  const anyItem = () => Math.floor(random() * ITEM_COUNT);
  let missed = 0;
  return {
    pointRead: async () => get.get(itemId(anyItem())),
    guardedUpdate: async () => {
      if (guarded(itemId(anyItem())) !== 1) missed += 1;
    },
    pagedScan: async () => page.all(Math.floor(random() * (ITEM_COUNT - PAGE))),
    missedUpdates: () => missed,
    close: () => sql.close(),
  };
}
