import type { CollectionName, Collections } from '~/types/collections';
import type { MigrationContext } from './migration';

/**
 * The next page of `collection` matching `query`, in `_id` order after `after` (a keyset on the
 * primary key, so a migration reads each document once however large the collection is).
 * Answers the documents and the cursor of the page after (null: this was the last).
 */
export async function pageById<N extends CollectionName>(
  ctx: MigrationContext,
  collection: N,
  query: Record<string, unknown>,
  after: string | null,
): Promise<{ docs: Collections[N][]; next: string | null }> {
  const _ = ctx.db.command;
  const where = after === null ? query : _.and([query, { _id: _.gt(after) }]);
  const docs = await ctx.db.collection(collection).find(where, { orderBy: [['_id', 'asc']], limit: ctx.pageSize });
  const last = docs[docs.length - 1];
  return { docs, next: docs.length === ctx.pageSize && last ? last._id : null };
}
