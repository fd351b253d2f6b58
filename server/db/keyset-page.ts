import type { Raw } from './cloud';
import type { Collection } from './database';
import { CodedError } from '~/core/coded-error';

/** A position in a list ordered by one numeric field and then `_id`. */
export interface ListCursor {
  v: number;
  id: string;
}

/** The opaque cursor handed to the client for the next page. */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Reads a cursor back, refusing anything this list did not hand out. */
export function decodeCursor(text: string): ListCursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<ListCursor> | null;
    if (parsed && Number.isFinite(parsed.v) && typeof parsed.id === 'string' && parsed.id.length <= 200)
      return { v: parsed.v as number, id: parsed.id };
  } catch {
    // fall through to the error below
  }
  throw new CodedError('VALIDATION_FAILED', 'cursor: not a cursor from this list', { field: 'cursor' });
}

/**
 * One page of `query`, ordered by `field` then `_id`, continuing after `cursor`. Keyset paging
 * (a range on the ordered fields, never skip), so deep pages cost what the first one does.
 */
export async function keysetPage<T extends { _id: string }>(
  collection: Collection<T>,
  _: Raw,
  query: Record<string, unknown>,
  order: { field: keyof T & string; direction: 'asc' | 'desc' },
  input: { pageSize: number; cursor?: string },
): Promise<{ items: T[]; nextCursor: string | null }> {
  const { field, direction } = order;
  let where = query;
  if (input.cursor) {
    const { v, id } = decodeCursor(input.cursor);
    const beyond = (value: unknown) => (direction === 'asc' ? _.gt(value) : _.lt(value));
    where = _.and([query, _.or([{ [field]: beyond(v) }, { [field]: v, _id: beyond(id) }])]);
  }
  const page = await collection.find(where, {
    orderBy: [
      [field, direction],
      ['_id', direction],
    ],
    limit: input.pageSize + 1,
  });
  const items = page.slice(0, input.pageSize);
  const last = items[items.length - 1];
  const nextCursor = page.length > input.pageSize && last ? encodeCursor({ v: Number(last[field] ?? 0), id: last._id }) : null;
  return { items, nextCursor };
}
