import { describe, expect, it, jest } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';
import { AdminApiError } from '../api/client';
import { providersFor } from '../test/render-with-providers';
import type { CursorPage, LoadCursorPage } from './use-cursor-pages';
import { useCursorPages } from './use-cursor-pages';

type Load = LoadCursorPage<string, string>;

/** Runs the hook behind a signed-in session whose lost-session handler is `onSessionLost`. */
function renderPages(load: Load, initialFilter: string, onSessionLost: (message: string) => void) {
  return renderHook(() => useCursorPages(load, initialFilter), {
    wrapper: providersFor({ token: 'tok_0123456789abcdef', onSessionLost }),
  });
}

/** Pages of letters: the first page `a b` then `c`, per filter prefix. */
function pagedLoad() {
  return jest.fn<Load>(async (filter, cursor) =>
    cursor === 'p2' ? { items: [`${filter}c`], nextCursor: null } : { items: [`${filter}a`, `${filter}b`], nextCursor: 'p2' },
  );
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('useCursorPages', () => {
  it('loads the first page, goes forward by nextCursor and back by the remembered cursor', async () => {
    const load = pagedLoad();
    const { result } = renderPages(load, 'x', jest.fn());

    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.rows).toEqual(['xa', 'xb']));
    expect(result.current).toMatchObject({ loading: false, error: null, pageNumber: 1, hasPrevious: false, hasNext: true });
    expect(load).toHaveBeenLastCalledWith('x', undefined, expect.any(AbortSignal));

    act(() => result.current.goNext());
    await waitFor(() => expect(result.current.rows).toEqual(['xc']));
    expect(result.current).toMatchObject({ pageNumber: 2, hasPrevious: true, hasNext: false });
    expect(load).toHaveBeenLastCalledWith('x', 'p2', expect.any(AbortSignal));

    act(() => result.current.goPrevious());
    await waitFor(() => expect(result.current.rows).toEqual(['xa', 'xb']));
    expect(result.current.pageNumber).toBe(1);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reloads the page on screen, and a new filter starts again from the first page', async () => {
    const load = pagedLoad();
    const { result } = renderPages(load, 'x', jest.fn());
    await waitFor(() => expect(result.current.hasNext).toBe(true));
    act(() => result.current.goNext());
    await waitFor(() => expect(result.current.rows).toEqual(['xc']));

    act(() => result.current.reload());
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    expect(load).toHaveBeenLastCalledWith('x', 'p2', expect.any(AbortSignal));
    expect(result.current.pageNumber).toBe(2);

    act(() => result.current.applyFilter('y'));
    await waitFor(() => expect(result.current.rows).toEqual(['ya', 'yb']));
    expect(result.current).toMatchObject({ filter: 'y', pageNumber: 1, hasPrevious: false });

    act(() => result.current.applyFilter('y'));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(5));
  });

  it('drops the answer of a page that is no longer wanted', async () => {
    const slow = deferred<CursorPage<string>>();
    const load = jest.fn<Load>((filter) => (filter === 'slow' ? slow.promise : Promise.resolve({ items: ['fast'], nextCursor: null })));
    const { result } = renderPages(load, 'slow', jest.fn());

    act(() => result.current.applyFilter('fast'));
    await waitFor(() => expect(result.current.rows).toEqual(['fast']));
    expect((load.mock.calls[0]?.[2] as AbortSignal).aborted).toBe(true);
    await act(async () => slow.resolve({ items: ['stale'], nextCursor: 'p2' }));
    expect(result.current.rows).toEqual(['fast']);
    expect(result.current.hasNext).toBe(false);
  });

  it('shows a failure as a Chinese message and retries the same page', async () => {
    let failures = 1;
    const load = jest.fn<Load>(async () => {
      if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
      return { items: ['a'], nextCursor: null };
    });
    const onSessionLost = jest.fn();
    const { result } = renderPages(load, '', onSessionLost);

    await waitFor(() => expect(result.current.error).toBe('无法连接服务器，请检查网络后重试'));
    expect(result.current.loading).toBe(false);
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.rows).toEqual(['a']));
    expect(result.current.error).toBeNull();
    expect(onSessionLost).not.toHaveBeenCalled();
  });

  it('hands a session the server refuses to onSessionLost instead of showing an error', async () => {
    const load = jest.fn<Load>(async () => {
      throw new AdminApiError('UNAUTHENTICATED', 'bad token');
    });
    const onSessionLost = jest.fn();
    const { result } = renderPages(load, '', onSessionLost);

    await waitFor(() => expect(onSessionLost).toHaveBeenCalledWith('登录状态已失效，请重新登录'));
    expect(result.current.error).toBeNull();
  });
});
