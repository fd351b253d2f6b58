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

  async findOne(query: Record<string, unknown>): Promise<T | null> {
    const { data } = await this.raw.where(query).limit(1).get();
    return (data[0] as T | undefined) ?? null;
  }

  /** One page of a query, in the given order. */
  async find(query: Record<string, unknown>, options: { orderBy?: [string, 'asc' | 'desc'][]; limit: number }): Promise<T[]> {
    let cursor = this.raw.where(query);
    for (const [field, direction] of options.orderBy ?? []) cursor = cursor.orderBy(field, direction);
    const { data } = await cursor.limit(options.limit).get();
    return data as T[];
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
