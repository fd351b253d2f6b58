import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { PagedList } from '~/src/stores/paged-list';
import { ListFooter } from '../list-footer';

interface PagedItemsProps {
  list: PagedList<unknown>;
  onMore: () => void;
  /** The rendered items of `list`. */
  children: ReactNode;
}

/**
 * A list the server answers a page at a time: its items in an element of their own, then the
 * footer. In the mini-program each "load more" then sends only the new page, as new children of
 * that element (about 12–24 KB). Items beside the footer made Taro re-send the whole list with
 * every page instead: 550 KB in one setData at 500 orders, over WeChat's 256 KB limit.
 */
export function PagedItems({ list, onMore, children }: PagedItemsProps) {
  return (
    <>
      <View className="paged-items">{children}</View>
      <ListFooter list={list} onMore={onMore} />
    </>
  );
}
