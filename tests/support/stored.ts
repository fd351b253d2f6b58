import type { CollectionName, Collections } from '~/types/collections';
import type { LocalCloud } from '../../local-cloud/local-cloud';

/**
 * Tests read and write a local cloud's documents straight through its store, whose rows are
 * untyped: this is the one place that says what they are, by the collection registry.
 */
const typed = <N extends CollectionName>(doc: unknown) => doc as Collections[N];

/** The stored document `id` of `collection`, or null. */
export function storedOrNull<N extends CollectionName>(cloud: LocalCloud, collection: N, id: string): Collections[N] | null {
  const row = cloud.store.get(collection, id);
  return row ? typed<N>(cloud.store.parse(row)) : null;
}

/** The stored document `id` of `collection`; throws when there is none. */
export function stored<N extends CollectionName>(cloud: LocalCloud, collection: N, id: string): Collections[N] {
  const doc = storedOrNull(cloud, collection, id);
  if (!doc) throw new Error(`no ${collection}/${id} in the test cloud`);
  return doc;
}

/** Every stored document of `collection`, by `_id`. */
export function allStored<N extends CollectionName>(cloud: LocalCloud, collection: N): Collections[N][] {
  return cloud.store.page(collection, [], [], '_id', 10_000_000, 0).map((row) => typed<N>(cloud.store.parse(row)));
}

/** Puts `doc` straight into the store, as a console import would. */
export function putStored<N extends CollectionName>(cloud: LocalCloud, collection: N, doc: Collections[N]): void {
  cloud.store.insert(collection, { ...doc });
}

/** The stored documents of `collection` whose top-level `field` matches the SQL LIKE pattern `like`, by `_id`. */
export function storedLike<N extends CollectionName>(cloud: LocalCloud, collection: N, field: string, like: string): Collections[N][] {
  return cloud.store
    .page(collection, [`json_extract(doc, '$.${field}') LIKE ?`], [like], '_id', 1_000_000, 0)
    .map((row) => typed<N>(cloud.store.parse(row)));
}

/** Every stored document of `collection`, in the order they were inserted. */
export function storedInOrder<N extends CollectionName>(cloud: LocalCloud, collection: N): Collections[N][] {
  return [...cloud.store.scan(collection, [], [], 'rowid')].map((row) => typed<N>(cloud.store.parse(row)));
}

/** A test's own document shape kept in a borrowed collection (a runner's scratch documents), or null. */
export function scratchDoc<T>(cloud: LocalCloud, collection: CollectionName, id: string): T | null {
  const row = cloud.store.get(collection, id);
  return row ? (cloud.store.parse(row) as T) : null;
}
