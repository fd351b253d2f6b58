import type { Raw } from './cloud';
import { sdk } from './cloud';

/** WeChat cloud reports a duplicate `_id` or unique-index key as DATABASE_REQUEST_FAILED with Mongo's E11000. */
export function isDuplicateKey(error: unknown): boolean {
  const message = String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? '');
  return /E11000|duplicate key/i.test(message);
}

/** A typed view of one collection: the few calls the use-cases need, never throwing on a missing doc. */
export class Collection<T extends { _id: string }> {
  constructor(
    private readonly db: Raw,
    readonly name: string,
  ) {}

  private get raw(): Raw {
    return this.db.collection(this.name);
  }

  async get(id: string): Promise<T | null> {
    const { data } = await this.raw.doc(id).get();
    return (data as T | null) ?? null;
  }

  /** Inserts `doc`; answers false when its `_id` (or a unique key) is taken, which makes retries no-ops. */
  async insert(doc: T): Promise<boolean> {
    try {
      await this.raw.add({ data: doc });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Inserts `docs` in one request; answers which of them were taken already (their `_id` or a
   * unique key), so a retried batch is a no-op. A batch that meets a duplicate is inserted again
   * one by one to learn which; where the database stops a batch at its first duplicate, the ones
   * before it are answered as taken too (a caller that must tell its own from others' marks them).
   */
  async insertMany(docs: T[]): Promise<Set<string>> {
    if (docs.length === 0) return new Set();
    try {
      await this.raw.add({ data: docs });
      return new Set();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const inserted = await Promise.all(docs.map((doc) => this.insert(doc)));
    return new Set(docs.filter((_doc, i) => !inserted[i]).map((doc) => doc._id));
  }

  async findOne(query: Record<string, unknown>): Promise<T | null> {
    const { data } = await this.raw.where(query).limit(1).get();
    return (data[0] as T | undefined) ?? null;
  }

  /** One page of a query, in the given order; `fields`: only those top-level fields (and `_id`) of each document. */
  async find(
    query: Record<string, unknown>,
    options: { orderBy?: [string, 'asc' | 'desc'][]; limit: number; fields?: (keyof T & string)[] },
  ): Promise<T[]> {
    let cursor = this.raw.where(query);
    if (options.fields) cursor = cursor.field(Object.fromEntries(options.fields.map((field) => [field, true])));
    for (const [field, direction] of options.orderBy ?? []) cursor = cursor.orderBy(field, direction);
    const { data } = await cursor.limit(options.limit).get();
    return data as T[];
  }

  /** Removes the documents matching `query`; answers how many. */
  async removeWhere(query: Record<string, unknown>): Promise<number> {
    const { stats } = await this.raw.where(query).remove();
    return stats.removed as number;
  }

  /** A guarded update: answers how many documents matched the query and changed. */
  async updateWhere(query: Record<string, unknown>, data: Record<string, unknown>): Promise<number> {
    const { stats } = await this.raw.where(query).update({ data });
    return stats.updated as number;
  }
}

/** The database of this environment, with `throwOnNotFound` off so reads answer null. */
export function database() {
  const raw: Raw = sdk().database({ throwOnNotFound: false });
  return {
    raw,
    command: raw.command as Raw,
    collection: <T extends { _id: string }>(name: string) => new Collection<T>(raw, name),
    regExp: (pattern: string, options = '') => raw.RegExp({ regexp: pattern, options }) as Raw,
  };
}

export type Database = ReturnType<typeof database>;
