import { useEffect, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
// Stylesheets load in import order: the same order as on the home page keeps the weapp's shared stylesheet in one order.
import { SearchLink } from '~/src/components/search-link';
import { LoadState } from '~/src/components/load-state';
import { PagedItems } from '~/src/components/paged-items';
import { ProductGrid } from '~/src/components/product-card';
import { StatusPanel } from '~/src/components/status-panel';
import type { ProductQuery, ProductSort } from '~/src/services/catalog';
import { queryKey, useCatalogStore } from '~/src/stores/catalog';
import { emptyList } from '~/src/stores/paged-list';
import { SortBar } from '~/src/components/sort-bar';
import { ROUTES } from '~/src/routes';
import { takeTabQuery } from '~/src/utils/navigate';
import './index.scss';

/**
 * Browse by category (a tab): category tabs, a sort bar and the product grid, a page at a time.
 * Opened from a link to one category, it shows that one: from the query of a fresh page, or the
 * one `openPage` kept for the tab.
 */
export default function CategoryPage() {
  const { params } = useRouter();
  const [categoryId, setCategoryId] = useState<string>(params.id ?? '');
  const [sort, setSort] = useState<ProductSort>('default');
  const home = useCatalogStore((s) => s.home);
  const loadHome = useCatalogStore((s) => s.loadHome);
  const loadList = useCatalogStore((s) => s.loadList);
  const query: ProductQuery = { categoryId: categoryId || undefined, sort };
  const list = useCatalogStore((s) => s.lists[queryKey(query)]) ?? emptyList();

  useEffect(() => {
    if (useCatalogStore.getState().home.status === 'idle') void loadHome();
  }, [loadHome]);

  useDidShow(() => {
    const asked = takeTabQuery(ROUTES.category);
    if (asked) setCategoryId(asked.id ?? '');
  });

  useEffect(() => {
    void loadList({ categoryId: categoryId || undefined, sort }, 'first');
  }, [loadList, categoryId, sort]);

  const categories = home.data?.categories ?? [];
  const current = categories.find((category) => category._id === categoryId);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: current?.name ?? '全部商品' });
  }, [current?.name]);

  usePullDownRefresh(() => {
    void loadList(query, 'first').finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void loadList(query, 'more');
  });

  const tabs = [{ _id: '', name: '全部' }, ...categories];

  return (
    <View className="category-page">
      <View className="category-page__top">
        <SearchLink />
        <ScrollView
          className="category-tabs"
          scrollX
          enhanced
          showScrollbar={false}
          scrollIntoView={categoryId ? `category-${categoryId}` : undefined}
        >
          {tabs.map((category) => (
            <View
              key={category._id || 'all'}
              id={`category-${category._id || 'all'}`}
              className={`category-tabs__item category-tab${category._id === categoryId ? ' category-tabs__item--active' : ''}`}
              onClick={() => setCategoryId(category._id)}
            >
              <Text>{category.name}</Text>
            </View>
          ))}
        </ScrollView>
      </View>
      <SortBar sort={sort} onChange={setSort} />
      <View className="category-page__list">
        <LoadState status={list.status} error={list.error} loadingText="正在加载商品…" onRetry={() => void loadList(query, 'first')}>
          {() =>
            list.items.length === 0 ? (
              <StatusPanel
                kind="empty"
                title="暂时没有商品"
                text="这个分类正在上新，先看看其他分类吧"
                actionText="看看全部商品"
                onAction={() => setCategoryId('')}
              />
            ) : (
              <PagedItems list={list} onMore={() => void loadList(query, 'more')}>
                <ProductGrid products={list.items} />
              </PagedItems>
            )
          }
        </LoadState>
      </View>
    </View>
  );
}
