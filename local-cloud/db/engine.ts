import { randomBytes } from 'node:crypto';
import { Aggregator, Query } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import type { Doc } from './ejson';
import { decodeEjson, toStored } from './ejson';
import { badRequest, ProtocolError, unsupported } from './errors';
import { fastMatch, fastUpdate } from './fast-paths';
import { planOrder, planPrefilter } from './plan';
import type { DocStore, Row } from './store';
import { CollectionMissingError, DuplicateKeyError } from './store';
import { Transactions } from './transactions';

/** The parameters of one database action as the SDK posts them. */
export type Params = Record<string, unknown>;

/** Server-side cap on documents per get, as on WeChat cloud (server SDK). */
export const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

/** Answers the `database.*` actions of the wx-server-sdk protocol from the document store. */
export class DatabaseEngine {
  readonly transactions: Transactions;

  constructor(
    readonly store: DocStore,
    private readonly now: () => number = Date.now,
  ) {
    this.transactions = new Transactions(store, now);
  }

  /** Runs one action and returns the response body (without requestId). */
  handle(action: string, params: Params): Record<string, unknown> {
    try {
      return this.dispatch(action, params);
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      if (error instanceof DuplicateKeyError) throw new ProtocolError('DATABASE_REQUEST_FAILED', error.message);
      if (error instanceof CollectionMissingError) throw new ProtocolError('DATABASE_COLLECTION_NOT_EXIST', error.message);
      throw new ProtocolError('DATABASE_REQUEST_FAILED', (error as Error).message);
    }
  }

  private dispatch(action: string, params: Params): Record<string, unknown> {
    switch (action) {
      case 'database.getDocument':
        return { data: this.getDocument(params) };
      case 'database.insertDocument':
        return { data: this.insertDocument(params) };
      case 'database.modifyDocument':
        return { data: this.modifyDocument(params) };
      case 'database.removeDocument':
        return { data: this.removeDocument(params) };
      case 'database.calculateDocument':
        return { data: { total: this.countDocuments(params) } };
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(params) } };
      case 'database.startTransaction':
        return { transactionId: this.transactions.start() };
      case 'database.commitTransaction':
        this.transactions.commit(requireString(params, 'transactionId'));
        return {};
      case 'database.abortTransaction':
        this.transactions.abort(requireString(params, 'transactionId'));
        return {};
      default:
        throw unsupported(`action ${action} is not emulated`);
    }
  }

  private decode(params: Params, field: string): unknown {
    const raw = params[field];
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw !== 'string') throw badRequest(`${field} must be an EJSON string`);
    return decodeEjson(raw, this.now());
  }

  private query(params: Params): Doc {
    const query = this.decode(params, 'query') ?? {};
    if (typeof query !== 'object' || Array.isArray(query)) throw badRequest('query must be an object');
    return query as Doc;
  }

  /** A doc-level request names exactly one `_id`; inside a transaction only those are allowed. */
  private docId(params: Params, query: Doc): string | undefined {
    if (params.queryType === 'DOC') {
      const id = query._id;
      if (typeof id !== 'string' && typeof id !== 'number') throw badRequest('doc() needs a string or number id');
      return String(id);
    }
    if (typeof params.transactionId === 'string') {
      throw unsupported('where() queries are not allowed inside a transaction on WeChat cloud: use doc(id) operations');
    }
    return undefined;
  }

  /** Yields matching documents in order. */
  private *matches(collection: string, query: Doc, order: [string, 1 | -1][] = []): Generator<{ row: Row; doc: Doc }> {
    let filter: Query | undefined;
    const test = (doc: Doc) => fastMatch(query, doc) ?? (filter ??= new Query(query)).test(doc);
    if (typeof query._id === 'string') {
      // A query that pins one _id (e.g. a guarded update) reads that row by primary key.
      const row = this.store.get(collection, query._id);
      const doc = row && this.store.parse(row);
      if (row && doc && test(doc)) yield { row, doc };
      return;
    }
    const prefilter = planPrefilter(query, this.store.indexedPaths(collection));
    for (const row of this.store.scan(collection, prefilter.where, prefilter.params, planOrder(order, prefilter.fixed))) {
      const doc = this.store.parse(row);
      if (test(doc)) yield { row, doc };
    }
  }

  private getDocument(params: Params): Record<string, unknown> {
    const collection = requireString(params, 'collectionName');
    const query = this.query(params);
    const id = this.docId(params, query);
    const projection = this.decode(params, 'projection') as Record<string, unknown> | undefined;
    const picked = projection && pickedFields(projection);
    const project = (texts: { text?: string; doc: Doc }[]) =>
      picked
        ? texts.map(({ doc }) => toStored(Object.fromEntries(picked.filter((field) => field in doc).map((field) => [field, doc[field]]))))
        : projection && Object.keys(projection).length
          ? new Query({})
              .find(
                texts.map((t) => t.doc),
                projection,
              )
              .all()
              .map((doc) => toStored(doc as Doc))
          : texts.map((t) => t.text ?? toStored(t.doc));

    if (typeof params.transactionId === 'string' && id !== undefined) {
      const doc = this.transactions.read(params.transactionId, collection, id);
      return { list: doc ? project([{ doc }]) : [] };
    }
    if (id !== undefined && Object.keys(query).length === 1) {
      const row = this.store.get(collection, id);
      return { list: row ? project([{ text: row.text, doc: this.store.parse(row) }]) : [], limit: 1, offset: 0 };
    }
    const offset = nonNegativeInt(params.offset, 0, 'offset');
    const limit = Math.min(nonNegativeInt(params.limit, DEFAULT_LIMIT, 'limit') || DEFAULT_LIMIT, MAX_LIMIT);
    const order = this.decode(params, 'order') as Record<string, number> | undefined;
    const sort = Object.entries(order ?? {}).map(([path, dir]) => [path, dir === -1 ? -1 : 1] as [string, 1 | -1]);
    const prefilter = planPrefilter(query, this.store.indexedPaths(collection));
    if (prefilter.exact && !projection) {
      // SQL selects exactly the matching rows: answer the stored texts without parsing them.
      const rows = this.store.page(collection, prefilter.where, prefilter.params, planOrder(sort, prefilter.fixed), limit, offset);
      return { list: rows.map((row) => row.text), limit, offset };
    }
    const found: { text: string; doc: Doc }[] = [];
    let skipped = 0;
    for (const { row, doc } of this.matches(collection, query, sort)) {
      if (skipped < offset) {
        skipped += 1;
        continue;
      }
      found.push({ text: row.text, doc });
      if (found.length >= limit) break;
    }
    return { list: project(found), limit, offset };
  }

  private newId(): string {
    return randomBytes(16).toString('hex');
  }

  private insertDocument(params: Params): Record<string, unknown> {
    const collection = requireString(params, 'collectionName');
    const items = params.data;
    if (!Array.isArray(items) || items.length === 0) throw badRequest('data must be a non-empty array');
    const docs = items.map((item) => {
      const doc = decodeEjson(String(item), this.now()) as Doc;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw badRequest('each document must be an object');
      if (doc._id === undefined) doc._id = this.newId();
      if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw badRequest('_id must be a string or number');
      doc._id = String(doc._id);
      return doc;
    });
    if (typeof params.transactionId === 'string') {
      if (docs.length > 1)
        throw unsupported(
          'add() of several documents is a batch operation, which a transaction does not allow on WeChat cloud: add them one by one',
        );
      for (const doc of docs) {
        const id = doc._id as string;
        if (this.transactions.read(params.transactionId, collection, id)) {
          throw new DuplicateKeyError(collection, '_id_', { _id: id });
        }
        this.transactions.write(params.transactionId, collection, id, doc);
      }
    } else {
      this.store.atomically(() => docs.forEach((doc) => this.store.insert(collection, doc)));
    }
    return { insertedIds: docs.map((doc) => doc._id) };
  }

  /**
   * Applies an update (merge: operators) or a replacement (set) to one document; null when
   * unchanged. `current` was parsed for this request alone, so the fast path may change it in place.
   */
  private nextVersion(current: Doc | null, data: Doc, merge: boolean, id: string): Doc | null {
    if (merge) {
      if (!current) return null;
      const operators = Object.keys(data);
      if (operators.some((op) => !op.startsWith('$'))) throw badRequest('update data must use operators');
      const fast = fastUpdate(current, data);
      if (fast !== null) return fast ? current : null;
      const copy = structuredClone(current);
      const changed = applyUpdate(copy, data);
      if (copy._id !== current._id) throw badRequest('_id cannot be updated');
      return changed.length ? copy : null;
    }
    if (Object.keys(data).some((key) => key.startsWith('$'))) throw badRequest('set() data cannot hold operators');
    const replacement: Doc = { ...data, _id: id };
    if (current && toStored(current) === toStored(replacement)) return null;
    return replacement;
  }

  private modifyDocument(params: Params): Record<string, unknown> {
    const collection = requireString(params, 'collectionName');
    const query = this.query(params);
    const id = this.docId(params, query);
    const data = this.decode(params, 'data') as Doc | undefined;
    if (!data || typeof data !== 'object') throw badRequest('data must be an object');
    const merge = params.merge !== false;
    const upsert = params.upsert === true;

    if (typeof params.transactionId === 'string') {
      if (id === undefined) throw unsupported('where() is not allowed inside a transaction');
      const current = this.transactions.read(params.transactionId, collection, id);
      if (!current && !upsert) return { updated: 0, upsert_id: null };
      const next = this.nextVersion(current, data, merge, id);
      if (next) this.transactions.write(params.transactionId, collection, id, next);
      return current ? { updated: next ? 1 : 0, upsert_id: null } : { updated: 0, upsert_id: id };
    }

    return this.store.atomically(() => {
      if (id !== undefined) {
        const row = this.store.get(collection, id);
        const current = row ? this.store.parse(row) : null;
        if (!current) {
          if (!upsert) return { updated: 0, upsert_id: null };
          this.store.insert(collection, this.nextVersion(null, data, false, id) as Doc);
          return { updated: 0, upsert_id: id };
        }
        const next = this.nextVersion(current, data, merge, id);
        if (next) this.store.replace(collection, next);
        return { updated: next ? 1 : 0, upsert_id: null };
      }
      const multi = params.multi !== false;
      let updated = 0;
      const targets: Doc[] = [];
      for (const { doc } of this.matches(collection, query)) {
        targets.push(doc);
        if (!multi) break;
      }
      for (const doc of targets) {
        const next = this.nextVersion(doc, data, merge, doc._id as string);
        if (next) {
          this.store.replace(collection, next);
          updated += 1;
        }
      }
      return { updated, upsert_id: null };
    });
  }

  private removeDocument(params: Params): Record<string, unknown> {
    const collection = requireString(params, 'collectionName');
    const query = this.query(params);
    const id = this.docId(params, query);
    if (typeof params.transactionId === 'string' && id !== undefined) {
      const current = this.transactions.read(params.transactionId, collection, id);
      if (current) this.transactions.write(params.transactionId, collection, id, null);
      return { deleted: current ? 1 : 0 };
    }
    return this.store.atomically(() => {
      const ids =
        id !== undefined
          ? [id].filter((one) => this.store.get(collection, one))
          : [...this.matches(collection, query)].map(({ row }) => row.id);
      ids.forEach((one) => this.store.remove(collection, one));
      return { deleted: ids.length };
    });
  }

  private countDocuments(params: Params): number {
    const collection = requireString(params, 'collectionName');
    const query = this.query(params);
    if (typeof params.transactionId === 'string') throw unsupported('count() is not allowed inside a transaction');
    const prefilter = planPrefilter(query, this.store.indexedPaths(collection));
    if (prefilter.exact) return this.store.count(collection, prefilter.where, prefilter.params);
    let total = 0;
    for (const _ of this.matches(collection, query)) total += 1;
    return total;
  }

  private aggregate(params: Params): string[] {
    const collection = requireString(params, 'collectionName');
    if (typeof params.transactionId === 'string') throw unsupported('aggregate() is not allowed inside a transaction');
    const stages = params.stages;
    if (!Array.isArray(stages)) throw badRequest('stages must be an array');
    const pipeline = stages.map((stage: { stageKey?: unknown; stageValue?: unknown }) => {
      if (typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') throw badRequest('bad stage');
      return { [stage.stageKey]: decodeEjson(stage.stageValue, this.now()) };
    });
    // A leading $match narrows the scan through the indexes; the pipeline then runs in full.
    const first = pipeline[0];
    const match = first && '$match' in first ? (first.$match as Doc) : {};
    const input = [...this.matches(collection, match)].map(({ doc }) => doc);
    const output = new Aggregator(pipeline).run(input) as Doc[];
    return output.map((doc) => toStored(doc));
  }
}

/** The top-level fields an inclusion projection keeps (with `_id` unless excluded), or null for any other projection (left to mingo). */
function pickedFields(projection: Record<string, unknown>): string[] | null {
  const entries = Object.entries(projection);
  if (entries.length === 0) return null;
  const kept: string[] = [];
  let id = true;
  for (const [field, value] of entries) {
    if (field.includes('.') || field.startsWith('$')) return null;
    if (field === '_id' && (value === 0 || value === false)) id = false;
    else if (value === 1 || value === true) kept.push(field);
    else return null;
  }
  if (kept.length === 0) return null;
  return id && !kept.includes('_id') ? ['_id', ...kept] : kept;
}

function requireString(params: Params, field: string): string {
  const value = params[field];
  if (typeof value !== 'string' || !value) throw badRequest(`${field} is required`);
  return value;
}

function nonNegativeInt(value: unknown, fallback: number, field: string): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`${field} must be a non-negative integer`);
  return n;
}
