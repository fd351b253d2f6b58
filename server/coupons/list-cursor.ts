import { AppError } from '../runtime/errors';

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
    if (parsed && Number.isFinite(parsed.v) && typeof parsed.id === 'string' && parsed.id.length <= 200) return { v: parsed.v as number, id: parsed.id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor from this list', { field: 'cursor' });
}
