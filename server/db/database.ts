import type { CollectionName, Collections } from '~/types/collections';
import type { Raw } from './cloud';
import { sdk } from './cloud';

/** The document of a collection whose `_id` is `I`: the matching member of a union told apart by `_id` (`settings`), else `T`. */
export type WithId<T, I extends string> = [Extract<T, { _id: I }>] extends [never] ? T : Extract<T, { _id: I }>;

/** WeChat cloud reports a duplicate `_id` or unique-index key as DATABASE_REQUEST_FAILED with Mongo's E11000. */
export function isDuplicateKey(error: unknown): boolean {
  const message = String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? '');
  return /E11000|duplicate key/i.test(message);
}

/** A typed view of one collection: the few calls the use-cases need, never throwing on a missing doc. */
export class Collection<T extends { _id: string }> {
  constructor(
    private readonly db: Raw,
    readonly name: CollectionName,
  ) {}

  private get raw(): Raw {
    return this.db.collection(this.name);
  }

  async get<I extends string>(id: I): Promise<WithId<T, I> | null> {
    const { data } = await this.raw.doc(id).get();
    return (data as WithId<T, I> | null) ?? null;
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

  /** How many documents match `query`, counted by the database. */
  async count(query: Record<string, unknown>): Promise<number> {
    const { total } = await this.raw.where(query).count();
    return total as number;
  }

  /** Removes the document `id`, if there is one. */
  async remove(id: string): Promise<void> {
    await this.raw.doc(id).remove();
  }

  /**
   * Sums `fields` over the documents matching `query`, one row per value of `by` (null: one row
   * for all), computed by the database; `limit` caps the rows (the server's default cap otherwise).
   */
  async sums<F extends keyof T & string>(
    query: Record<string, unknown> | null,
    by: (keyof T & string) | null,
    fields: readonly F[],
    limit?: number,
  ): Promise<({ _id: string | null } & Record<F, number>)[]> {
    const $ = this.db.command.aggregate;
    let pipeline = this.raw.aggregate();
    if (query) pipeline = pipeline.match(query);
    pipeline = pipeline.group({ _id: by ? `$${by}` : null, ...Object.fromEntries(fields.map((field) => [field, $.sum(`$${field}`)])) });
    if (limit !== undefined) pipeline = pipeline.limit(limit);
    const { list } = await pipeline.end();
    return list as ({ _id: string | null } & Record<F, number>)[];
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
    /** The collection `name`, typed by the registry in `types/collections.ts`. */
    collection: <N extends CollectionName>(name: N) => new Collection<Collections[N]>(raw, name),
    regExp: (pattern: string, options = '') => raw.RegExp({ regexp: pattern, options }) as Raw,
  };
}

export type Database = ReturnType<typeof database>;
