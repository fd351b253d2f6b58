import { randomUUID } from 'node:crypto';
import type { Doc } from './ejson';
import { conflict } from './errors';
import type { DocStore } from './store';

interface PendingWrite {
  collection: string;
  id: string;
  /** The document after this transaction, or null when it removes it. */
  doc: Doc | null;
}

interface Transaction {
  id: string;
  /** Version of every document the transaction has seen, by key, at first sight. */
  seen: Map<string, number>;
  writes: Map<string, PendingWrite>;
  lastUsed: number;
}

/** How long an idle transaction stays open before the emulator drops it. */
const IDLE_LIMIT_MS = 30_000;

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * Optimistic transactions over the document store. Reads record each document's version and
 * writes are buffered; commit checks that nothing the transaction saw changed underneath it,
 * then applies all writes in one SQLite transaction. A conflict is reported at commit as
 * DATABASE_TRANSACTION_CONFLICT, the one error on which wx-server-sdk's runTransaction re-runs
 * the callback (errors from operations inside the callback are not retried by the SDK).
 */
export class Transactions {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly store: DocStore,
    private readonly now: () => number,
  ) {}

  start(): string {
    this.sweep();
    const tx: Transaction = { id: randomUUID(), seen: new Map(), writes: new Map(), lastUsed: this.now() };
    this.open.set(tx.id, tx);
    return tx.id;
  }

  private use(id: string): Transaction {
    const tx = this.open.get(id);
    if (!tx) throw conflict(`transaction ${id} is not open (committed, aborted or expired)`);
    tx.lastUsed = this.now();
    return tx;
  }

  /** Reads a document as this transaction sees it. */
  read(txId: string, collection: string, id: string): Doc | null {
    const tx = this.use(txId);
    const key = keyOf(collection, id);
    const pending = tx.writes.get(key);
    if (pending) return pending.doc;
    const row = this.store.get(collection, id);
    if (!tx.seen.has(key)) tx.seen.set(key, row?.v ?? 0);
    return row ? this.store.parse(row) : null;
  }

  /** Buffers a write until commit. */
  write(txId: string, collection: string, id: string, doc: Doc | null): void {
    const tx = this.use(txId);
    const key = keyOf(collection, id);
    if (!tx.seen.has(key)) tx.seen.set(key, this.store.version(collection, id));
    tx.writes.set(key, { collection, id, doc });
  }

  commit(txId: string): void {
    const tx = this.use(txId);
    try {
      for (const [key, version] of tx.seen) {
        const [collection, id] = key.split('\u0000') as [string, string];
        if (this.store.version(collection, id) !== version) throw conflict(`${collection}/${id} changed before commit`);
      }
      this.store.atomically(() => {
        for (const write of tx.writes.values()) {
          const exists = this.store.version(write.collection, write.id) !== 0;
          if (write.doc === null) this.store.remove(write.collection, write.id);
          else if (exists) this.store.replace(write.collection, write.doc);
          else this.store.insert(write.collection, write.doc);
        }
      });
    } finally {
      this.open.delete(tx.id);
    }
  }

  abort(txId: string): void {
    this.open.delete(txId);
  }

  /** Drops transactions left idle, e.g. by a function that crashed halfway. */
  private sweep(): void {
    const limit = this.now() - IDLE_LIMIT_MS;
    for (const tx of this.open.values()) if (tx.lastUsed < limit) this.open.delete(tx.id);
  }

  get openCount(): number {
    return this.open.size;
  }
}
