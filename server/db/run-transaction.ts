import type { RequestContext } from '../runtime/wx';
import type { Raw } from './cloud';
import { isDuplicateKey } from './database';

const ATTEMPTS = 8;

const isConflict = (error: unknown) =>
  /conflict/i.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? ''));

/**
 * Runs a transaction, again after a conflict or a lost duplicate-key race, with jittered
 * back-off so a burst on one document spreads out. The callback may run more than once, so it
 * only reads and writes documents through `tx`.
 */
export async function runTransaction<T>(ctx: RequestContext, callback: (tx: Raw) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await ctx.db.raw.runTransaction(callback)) as T;
    } catch (error) {
      if (!(isConflict(error) || isDuplicateKey(error)) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
