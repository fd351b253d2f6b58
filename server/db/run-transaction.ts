import type { CollectionName, Collections } from '~/types/collections';
import type { RequestContext } from '../runtime/wx';
import { isDuplicateKey } from './database';

/** One document inside a transaction: WeChat allows single-document operations only. */
export interface TxDoc<T extends { _id: string }> {
  get(): Promise<{ data: T | null }>;
  /** Writes the whole document (all but `_id`), creating it if absent. */
  set(options: { data: Omit<T, '_id'> }): Promise<unknown>;
  update(options: { data: Partial<T> & Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}

/** A collection inside a transaction, typed by the registry in `types/collections.ts`. */
export interface TxCollection<T extends { _id: string }> {
  doc(id: string): TxDoc<T>;
  add(options: { data: T }): Promise<unknown>;
}

/** The handle a transaction's callback reads and writes through. */
export interface Transaction {
  collection<N extends CollectionName>(name: N): TxCollection<Collections[N]>;
}

const ATTEMPTS = 8;

const isConflict = (error: unknown) =>
  /conflict/i.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? ''));

/**
 * Runs a transaction, again after a conflict or a lost duplicate-key race, with jittered
 * back-off so a burst on one document spreads out. The callback may run more than once, so it
 * only reads and writes documents through `tx`.
 */
export async function runTransaction<T>(ctx: RequestContext, callback: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await ctx.db.raw.runTransaction(callback)) as T;
    } catch (error) {
      if (!(isConflict(error) || isDuplicateKey(error)) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
