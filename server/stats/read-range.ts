import type { CollectionName, Collections } from '~/types/collections';
import type { RequestContext } from '../runtime/wx';

/** Documents per request while reading a range (the database answers at most 1,000). */
const PAGE = 500;

/**
 * Every document of `collection` whose `field` lies in [from, to) and that matches `where`,
 * read through the index on `field` then `_id` in keyset pages, so a busy day costs its own
 * documents and never a skip over the ones before.
 */
export async function readRange<N extends CollectionName, F extends keyof Collections[N] & string>(
  ctx: RequestContext,
  collection: N,
  range: { field: keyof Collections[N] & string; from: number; to: number; where?: Record<string, unknown> },
  fields: readonly F[],
): Promise<Pick<Collections[N], F | '_id'>[]> {
  const _ = ctx.db.command;
  const { field, from, to, where = {} } = range;
  const docs: Pick<Collections[N], F | '_id'>[] = [];
  let after: { v: number; id: string } | null = null;
  for (;;) {
    const position: Record<string, unknown> = after
      ? _.or([{ [field]: _.gt(after.v) }, { [field]: after.v, _id: _.gt(after.id) }])
      : { [field]: _.gte(from) };
    const page = await ctx.db.collection(collection).find(_.and([where, position, { [field]: _.lt(to) }]), {
      orderBy: [
        [field, 'asc'],
        ['_id', 'asc'],
      ],
      limit: PAGE,
      fields: [...new Set<string>([...fields, field])] as (keyof Collections[N] & string)[],
    });
    docs.push(...(page as Pick<Collections[N], F | '_id'>[]));
    const last = page.at(-1) as Record<string, unknown> | undefined;
    if (page.length < PAGE || !last) return docs;
    after = { v: last[field] as number, id: last._id as string };
  }
}

/** How many documents of `collection` match `where`, by value of `by`, counted by the database. */
export async function countBy(
  ctx: RequestContext,
  collection: CollectionName,
  where: Record<string, unknown>,
  by: string,
): Promise<Map<string, number>> {
  const $ = ctx.db.command.aggregate;
  const { list } = await ctx.db.raw
    .collection(collection)
    .aggregate()
    .match(where)
    .group({ _id: `$${by}`, n: $.sum(1) })
    .limit(1000)
    .end();
  return new Map((list as { _id: string; n: number }[]).map((row) => [row._id, row.n]));
}
