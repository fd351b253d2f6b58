import type { CloudError } from '../services/cloud';
import { toCloudError } from './outcome';

/** A list the server answers a page at a time (`nextCursor` null on the last page). */
export interface PagedList<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: T[];
  nextCursor: string | null;
  /** True while the next page is loading. */
  loadingMore: boolean;
  /** The last failure of the first page or of the next one. */
  error: CloudError | null;
}

/** A list before its first load. */
export function emptyList<T>(): PagedList<T> {
  return { status: 'idle', items: [], nextCursor: null, loadingMore: false, error: null };
}

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Loads the first page (a refresh keeps the items on screen until the new page arrives) or the
 * next one. `read`/`write` reach the list inside its store; a failed next page keeps the items.
 */
export async function loadPage<T>(
  read: () => PagedList<T>,
  write: (list: PagedList<T>) => void,
  fetch: (cursor?: string) => Promise<Page<T>>,
  mode: 'first' | 'more',
): Promise<void> {
  const list = read();
  if (mode === 'more') {
    if (list.loadingMore || list.status !== 'ready' || list.nextCursor === null) return;
    write({ ...list, loadingMore: true, error: null });
    try {
      const page = await fetch(list.nextCursor);
      const current = read();
      write({ ...current, items: [...current.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false });
    } catch (err) {
      write({ ...read(), loadingMore: false, error: toCloudError(err) });
    }
    return;
  }
  write({ ...list, status: list.status === 'ready' ? 'ready' : 'loading', error: null });
  try {
    const page = await fetch();
    write({ status: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false, error: null });
  } catch (err) {
    const error = toCloudError(err);
    const current = read();
    write(current.status === 'ready' ? { ...current, error } : { ...emptyList<T>(), status: 'error', error });
  }
}
