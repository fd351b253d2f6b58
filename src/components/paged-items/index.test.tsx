import { Text } from '@tarojs/components';
import { fireEvent, render } from '@testing-library/react';
import { CloudError } from '~/src/services/cloud';
import type { PagedList } from '~/src/stores/paged-list';
import { PagedItems } from './index';

const list = (items: string[], fields: Partial<PagedList<string>> = {}): PagedList<string> => ({
  status: 'ready',
  items,
  nextCursor: 'next',
  loadingMore: false,
  error: null,
  ...fields,
});

const offline = new CloudError('NETWORK', 'offline');

const view = (state: PagedList<string>, onMore = jest.fn()) => (
  <PagedItems list={state} onMore={onMore}>
    {state.items.map((item) => (
      <Text key={item} className="item">
        {item}
      </Text>
    ))}
  </PagedItems>
);

test('the items sit in an element of their own, and the footer stays one element through every state', () => {
  const onMore = jest.fn();
  const { container, rerender } = render(view(list(['a', 'b']), onMore));
  const items = container.querySelector('.paged-items');
  const footer = container.querySelector('.list-footer');
  expect([...(items?.querySelectorAll('.item') ?? [])].map((item) => item.textContent)).toEqual(['a', 'b']);
  expect(footer?.textContent).toBe('上拉或点击加载更多');

  const states: [PagedList<string>, string, string][] = [
    [list(['a', 'b'], { loadingMore: true }), 'list-footer--loading', '正在加载…'],
    [list(['a', 'b', 'c']), 'list-footer--more', '上拉或点击加载更多'],
    [list(['a', 'b', 'c'], { error: offline }), 'list-footer--error', '加载失败，点击重试'],
    [list(['a', 'b', 'c', 'd'], { nextCursor: null }), 'list-footer--end', '没有更多了'],
  ];
  for (const [state, className, text] of states) {
    rerender(view(state, onMore));
    expect(container.querySelector('.list-footer')).toBe(footer);
    expect(container.querySelector('.paged-items')).toBe(items);
    expect(footer?.className).toContain(className);
    expect(footer?.textContent).toBe(text);
  }
  expect(items?.querySelectorAll('.item')).toHaveLength(4);
});

test('the footer loads more when there is more or after a failure, and not while loading or at the end', () => {
  const onMore = jest.fn();
  const { container, rerender } = render(view(list(['a']), onMore));
  const tap = () => fireEvent.click(container.querySelector('.list-footer') as Element);

  tap();
  rerender(view(list(['a'], { loadingMore: true }), onMore));
  tap();
  rerender(view(list(['a'], { error: offline }), onMore));
  tap();
  rerender(view(list(['a'], { nextCursor: null }), onMore));
  tap();
  expect(onMore).toHaveBeenCalledTimes(2);
});
