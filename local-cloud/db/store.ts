import Database from 'better-sqlite3';
import type { CollectionsFile, IndexSpec } from './collections';
import { fieldExpr } from './collections';
import type { Doc } from './ejson';
import { fromStored, toStored } from './ejson';

/** A stored row: the document text, its parsed form on demand, and its write version. */
export interface Row {
  id: string;
  text: string;
  v: number;
}

/** Thrown when an insert or update breaks `_id` or a unique index (Mongo's E11000). */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly index: string,
    readonly key: unknown,
  ) {
    super(`E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${JSON.stringify(key)}`);
  }
}

/** Thrown for a collection that the collections file does not declare (never created in the console). */
export class CollectionMissingError extends Error {
  constructor(readonly collection: string) {
    super(`Db or Table not exist: ${collection}. Declare it in cloudfunctions/collections.json (and create it in the cloud console).`);
  }
}

interface Statements {
  get: Database.Statement<[string], { _id: string; doc: string; v: number }>;
  version: Database.Statement<[string], { v: number }>;
  insert: Database.Statement<[string, string, number]>;
  update: Database.Statement<[string, number, string]>;
  remove: Database.Statement<[string]>;
}

const PREFIX = 'ix_';

/**
 * The embedded document store: one SQLite table per collection (`_id`, `doc` JSON, `v`),
 * expression indexes from the collections file, and a global write clock for optimistic
 * transactions. Every method is synchronous, so each call is atomic in this process.
 */
export class DocStore {
  readonly sql: Database.Database;
  private readonly statements = new Map<string, Statements>();
  private readonly uniquePaths = new Map<string, { index: string; path: string }[]>();
  private readonly indexedFields = new Map<string, string[]>();
  private readonly indexed = new Map<string, Set<string>>();
  private clock = 0;
  private readonly scans = new Map<string, Database.Statement>();
  private readonly transaction: (fn: () => unknown) => unknown;

  constructor(file: string, collections: CollectionsFile) {
    this.sql = new Database(file);
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma('synchronous = NORMAL');
    this.transaction = this.sql.transaction((fn: () => unknown) => fn());
    for (const [name, spec] of Object.entries(collections)) this.createCollection(name, spec.indexes ?? []);
    for (const name of this.statements.keys()) {
      const { v } = this.sql.prepare(`SELECT COALESCE(MAX(v), 0) AS v FROM "${name}"`).get() as { v: number };
      this.clock = Math.max(this.clock, v);
    }
  }

  private createCollection(name: string, indexes: IndexSpec[]): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL, v INTEGER NOT NULL)`);
    const wanted = new Set<string>();
    const unique: { index: string; path: string }[] = [];
    const paths = new Set<string>(['_id']);
    for (const index of indexes) {
      const sqlName = `${PREFIX}${name}__${index.name}`;
      wanted.add(sqlName);
      const columns = index.fields.map((f) => `${fieldExpr(f.path)} ${f.order === 1 ? 'ASC' : 'DESC'}`).join(', ');
      this.sql.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${sqlName}" ON "${name}" (${columns})`);
      for (const field of index.fields) {
        paths.add(field.path);
        if (index.unique) unique.push({ index: index.name, path: field.path });
      }
    }
    const existing = this.sql.prepare(`PRAGMA index_list("${name}")`).all() as { name: string }[];
    for (const { name: indexName } of existing) {
      if (indexName.startsWith(PREFIX) && !wanted.has(indexName)) this.sql.exec(`DROP INDEX "${indexName}"`);
    }
    this.uniquePaths.set(name, unique);
    this.indexed.set(name, paths);
    this.indexedFields.set(
      name,
      [...paths].filter((path) => path !== '_id'),
    );
    this.statements.set(name, {
      get: this.sql.prepare(`SELECT _id, doc, v FROM "${name}" WHERE _id = ?`),
      version: this.sql.prepare(`SELECT v FROM "${name}" WHERE _id = ?`),
      insert: this.sql.prepare(`INSERT INTO "${name}" (_id, doc, v) VALUES (?, ?, ?)`),
      update: this.sql.prepare(`UPDATE "${name}" SET doc = ?, v = ? WHERE _id = ?`),
      remove: this.sql.prepare(`DELETE FROM "${name}" WHERE _id = ?`),
    });
  }

  /** Field paths that an index covers, so a query may filter on them in SQL. */
  indexedPaths(collection: string): Set<string> {
    this.stmts(collection);
    return this.indexed.get(collection) as Set<string>;
  }

  collections(): string[] {
    return [...this.statements.keys()];
  }

  private stmts(collection: string): Statements {
    const found = this.statements.get(collection);
    if (!found) throw new CollectionMissingError(collection);
    return found;
  }

  /** Raises the write clock and returns the new version for a write. */
  private tick(): number {
    this.clock += 1;
    return this.clock;
  }

  get(collection: string, id: string): Row | undefined {
    const row = this.stmts(collection).get.get(id);
    return row && { id: row._id, text: row.doc, v: row.v };
  }

  /** Current version of a document, 0 when it does not exist (read without its text). */
  version(collection: string, id: string): number {
    return this.stmts(collection).version.get(id)?.v ?? 0;
  }

  insert(collection: string, doc: Doc): void {
    const id = doc._id as string;
    this.checkIndexedFields(collection, doc);
    try {
      this.stmts(collection).insert.run(id, toStored(doc), this.tick());
    } catch (error) {
      throw this.translate(error, collection, doc);
    }
  }

  replace(collection: string, doc: Doc): void {
    this.checkIndexedFields(collection, doc);
    try {
      this.stmts(collection).update.run(toStored(doc), this.tick(), doc._id as string);
    } catch (error) {
      throw this.translate(error, collection, doc);
    }
  }

  remove(collection: string, id: string): boolean {
    return this.stmts(collection).remove.run(id).changes > 0;
  }

  /** Iterates rows of a collection that pass an SQL prefilter, in the given order. */
  *scan(collection: string, where: string[], params: unknown[], order: string): Generator<Row> {
    const statement = this.prepared(collection, `SELECT _id, doc, v FROM "${collection}"${whereClause(where)} ORDER BY ${order}`);
    for (const row of statement.iterate(...params) as IterableIterator<{ _id: string; doc: string; v: number }>) {
      yield { id: row._id, text: row.doc, v: row.v };
    }
  }

  /** One page of rows selected exactly by SQL (see Prefilter.exact), in order. */
  page(collection: string, where: string[], params: unknown[], order: string, limit: number, offset: number): Row[] {
    const rows = this.prepared(
      collection,
      `SELECT _id, doc, v FROM "${collection}"${whereClause(where)} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as { _id: string; doc: string; v: number }[];
    return rows.map((row) => ({ id: row._id, text: row.doc, v: row.v }));
  }

  /** Number of rows selected exactly by SQL; all rows when `where` is empty. */
  count(collection: string, where: string[] = [], params: unknown[] = []): number {
    return (this.prepared(collection, `SELECT COUNT(*) AS n FROM "${collection}"${whereClause(where)}`).get(...params) as { n: number }).n;
  }

  /** A cached prepared statement; one still being iterated by an outer scan gets a fresh twin. */
  private prepared(collection: string, text: string): Database.Statement {
    this.stmts(collection);
    let statement = this.scans.get(text);
    if (!statement || statement.busy) {
      statement = this.sql.prepare(text);
      if (this.scans.size < 500) this.scans.set(text, statement);
    }
    return statement;
  }

  /** Runs `fn` in one SQLite transaction: all of its writes land, or none do. */
  atomically<T>(fn: () => T): T {
    return this.transaction(fn) as T;
  }

  parse(row: Row): Doc {
    return fromStored(row.text);
  }

  close(): void {
    this.sql.close();
  }

  /**
   * Two places where SQLite indexes differ from MongoDB's: SQLite keeps any number of NULLs
   * in a unique index (MongoDB indexes a missing field as null and allows one), and these
   * expression indexes are not multikey. Rather than differ silently, refuse such documents.
   */
  private checkIndexedFields(collection: string, doc: Doc): void {
    for (const path of this.indexedFields.get(collection) ?? []) {
      if (Array.isArray(readPath(doc, path))) {
        throw new Error(`[local-cloud] ${collection}.${path} is indexed, and indexes here cover scalar fields only; got an array`);
      }
    }
    for (const { index, path } of this.uniquePaths.get(collection) ?? []) {
      if (readPath(doc, path) == null) {
        throw new Error(
          `[local-cloud] ${collection}: a document without "${path}" breaks unique index ${index}; ` +
            'WeChat cloud indexes a missing field as null and allows only one such document',
        );
      }
    }
  }

  private translate(error: unknown, collection: string, doc: Doc): unknown {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new DuplicateKeyError(collection, '_id_', { _id: doc._id });
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const match = /index '([^']+)'/.exec((error as Error).message);
      const index = match?.[1]?.replace(`${PREFIX}${collection}__`, '') ?? 'unique';
      const spec = this.uniquePaths.get(collection)?.find((u) => u.index === index);
      return new DuplicateKeyError(collection, index, spec ? { [spec.path]: readPath(doc, spec.path) } : {});
    }
    return error;
  }
}

const whereClause = (where: string[]) => (where.length ? ` WHERE ${where.join(' AND ')}` : '');

/** Reads a dot path from a document. */
export function readPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
