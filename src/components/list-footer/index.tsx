import { Text, View } from '@tarojs/components';
import type { PagedList } from '~/src/stores/paged-list';
import './index.scss';

interface ListFooterProps {
  list: PagedList<unknown>;
  onMore: () => void;
}

const STATES = {
  loading: { text: '正在加载…', tappable: false },
  error: { text: '加载失败，点击重试', tappable: true },
  more: { text: '上拉或点击加载更多', tappable: true },
  end: { text: '没有更多了', tappable: false },
} as const;

function stateOf(list: PagedList<unknown>): keyof typeof STATES {
  if (list.loadingMore) return 'loading';
  if (list.error) return 'error';
  return list.nextCursor !== null ? 'more' : 'end';
}

/**
 * The end of a paged list: loading the next page, a retry after a failure, more to load, or the
 * end. Always the same element with one text in it, only its class and words changing: in the
 * mini-program a footer that changed its element made Taro re-send its parent's children whole.
 * Pages use it through PagedItems.
 */
export function ListFooter({ list, onMore }: ListFooterProps) {
  const state = stateOf(list);
  const { text, tappable } = STATES[state];
  return (
    <View className={`list-footer list-footer--${state}${state === 'more' ? ' load-more' : ''}`} onClick={tappable ? onMore : undefined}>
      <Text>{text}</Text>
    </View>
  );
}
