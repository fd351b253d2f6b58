import { useCallback, useEffect, useRef, useState } from 'react';
import { useAdminSession } from '../api/admin-api-context';
import { outcomeOf } from '../api/outcome';

/** One page of a list action's answer: the rows and the cursor of the next page (null on the last). */
export interface CursorPage<Row> {
  items: Row[];
  nextCursor: string | null;
}

/** Fetches one page for a filter; `cursor` is undefined for the first page. */
export type LoadCursorPage<Row, Filter> = (filter: Filter, cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<Row>>;

interface Position<Filter> {
  filter: Filter;
  /** Cursor of the page on screen; undefined for the first page. */
  cursor: string | undefined;
  /** Cursors of the pages before this one, oldest first, so 上一页 can go back. */
  previous: Array<string | undefined>;
  /** Bumped to fetch the same page again (retry, refresh after an action, a repeated filter). */
  attempt: number;
}

/** The page on screen and the ways to move through the list. */
export interface CursorPages<Row, Filter> {
  filter: Filter;
  rows: Row[];
  loading: boolean;
  /** The Chinese message of the last failed load, or null. */
  error: string | null;
  /** 1 for the first page. */
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  goNext: () => void;
  goPrevious: () => void;
  /** Fetches the page on screen again: a retry after an error, a refresh after an action. */
  reload: () => void;
  /** Starts again from the first page with this filter (fetched even when it is unchanged). */
  applyFilter: (filter: Filter) => void;
}

/**
 * Cursor paging for the admin tables: one page at a time, 上一页 by remembering the cursors
 * before, stale answers dropped. A session the server no longer accepts goes to the session's
 * `onSessionLost`; other failures become `error`. `load` must keep its identity between renders
 * (useCallback): a new one fetches the page again.
 */
export function useCursorPages<Row, Filter>(load: LoadCursorPage<Row, Filter>, initialFilter: NoInfer<Filter>): CursorPages<Row, Filter> {
  const { onSessionLost } = useAdminSession();
  const [position, setPosition] = useState<Position<Filter>>({ filter: initialFilter, cursor: undefined, previous: [], attempt: 0 });
  const [page, setPage] = useState<CursorPage<Row> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const { filter, cursor, attempt } = position;

  // A new callback identity must not fetch the page again; the latest one is called.
  const sessionLost = useRef(onSessionLost);
  useEffect(() => {
    sessionLost.current = onSessionLost;
  }, [onSessionLost]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    void outcomeOf(() => load(filter, cursor, controller.signal)).then((outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) {
        setPage(outcome.value);
        setLoading(false);
      } else if (outcome.failure.sessionLost) {
        sessionLost.current(outcome.failure.message);
      } else {
        setPage(null);
        setError(outcome.failure.message);
        setLoading(false);
      }
    });
    return () => controller.abort();
  }, [load, filter, cursor, attempt]);

  const nextCursor = page?.nextCursor ?? null;

  const goNext = useCallback(() => {
    if (nextCursor === null) return;
    setPosition((current) => ({ ...current, cursor: nextCursor, previous: [...current.previous, current.cursor] }));
  }, [nextCursor]);

  const goPrevious = useCallback(() => {
    setPosition((current) => {
      if (current.previous.length === 0) return current;
      return { ...current, cursor: current.previous[current.previous.length - 1], previous: current.previous.slice(0, -1) };
    });
  }, []);

  const reload = useCallback(() => setPosition((current) => ({ ...current, attempt: current.attempt + 1 })), []);

  const applyFilter = useCallback(
    (next: Filter) => setPosition((current) => ({ filter: next, cursor: undefined, previous: [], attempt: current.attempt + 1 })),
    [],
  );

  return {
    filter,
    rows: page?.items ?? [],
    loading,
    error,
    pageNumber: position.previous.length + 1,
    hasPrevious: position.previous.length > 0,
    hasNext: nextCursor !== null,
    goNext,
    goPrevious,
    reload,
    applyFilter,
  };
}
