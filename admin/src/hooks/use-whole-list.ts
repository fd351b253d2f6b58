import { useCallback } from 'react';
import { useCursorPages } from './use-cursor-pages';
import type { LoadCursorPage } from './use-cursor-pages';

/** Fetches the whole list for a filter in one call. */
export type LoadWholeList<Row, Filter> = (filter: Filter, signal: AbortSignal) => Promise<{ items: Row[] }>;

/** The list on screen, how its last load went, and the ways to load it again. */
export interface WholeList<Row, Filter> {
  filter: Filter;
  rows: Row[];
  loading: boolean;
  /** The Chinese message of the last failed load, or null. */
  error: string | null;
  /** Fetches the list again: a retry after an error, a refresh after an action. */
  reload: () => void;
  /** Fetches the list for this filter (even when it is unchanged). */
  applyFilter: (filter: Filter) => void;
}

/**
 * A list that one call answers whole (no cursor), with the same rules as the paged tables: stale
 * answers dropped, a refused session handed to `onSessionLost`, other failures as `error`. `load`
 * must keep its identity between renders (useCallback): a new one fetches the list again.
 */
export function useWholeList<Row, Filter>(load: LoadWholeList<Row, Filter>, initialFilter: NoInfer<Filter>): WholeList<Row, Filter> {
  const loadPage = useCallback<LoadCursorPage<Row, Filter>>(
    async (filter, _cursor, signal) => ({ items: (await load(filter, signal)).items, nextCursor: null }),
    [load],
  );
  const { filter, rows, loading, error, reload, applyFilter } = useCursorPages(loadPage, initialFilter);
  return { filter, rows, loading, error, reload, applyFilter };
}
