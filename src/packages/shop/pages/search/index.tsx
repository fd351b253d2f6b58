import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { CartEntry } from '~/src/components/cart-entry';
import { LoadState } from '~/src/components/load-state';
import { PagedItems } from '~/src/components/paged-items';
import { Recommendations } from '~/src/components/recommendations';
import { ProductGrid } from '~/src/components/product-card';
import type { ProductQuery, ProductSort } from '~/src/services/catalog';
import { queryKey, useCatalogStore } from '~/src/stores/catalog';
import { emptyList } from '~/src/stores/paged-list';
import { SortBar } from '~/src/components/sort-bar';
import { clearSearchHistory, readSearchHistory, rememberSearch } from '~/src/packages/shop/search-history';
import { routeParam } from '~/src/utils/route-param';
import './index.scss';

/** The longest keyword the catalogue accepts. */
const MAX_KEYWORD = 30;

/** Keyword search: recent keywords, then results in the chosen order, a page at a time. */
export default function SearchPage() {
  const { params } = useRouter();
  const initial = routeParam(params.keyword);
  const [draft, setDraft] = useState(initial);
  const [keyword, setKeyword] = useState(initial);
  const [sort, setSort] = useState<ProductSort>('default');
  const [history, setHistory] = useState<string[]>(readSearchHistory);
  const loadList = useCatalogStore((s) => s.loadList);
  const query: ProductQuery = { keyword, sort };
  const list = useCatalogStore((s) => s.lists[queryKey(query)]) ?? emptyList();

  useEffect(() => {
    if (keyword) void loadList({ keyword, sort }, 'first');
  }, [loadList, keyword, sort]);

  usePullDownRefresh(() => {
    const done = keyword ? loadList(query, 'first') : Promise.resolve();
    void done.finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    if (keyword) void loadList(query, 'more');
  });

  const search = (text: string) => {
    const trimmed = text.trim().slice(0, MAX_KEYWORD);
    if (!trimmed) return;
    setDraft(trimmed);
    setKeyword(trimmed);
    setHistory(rememberSearch(trimmed));
  };

  return (
    <View className="search-page">
      <View className="search-page__bar">
        <View className="search-page__field">
          <Input
            className="search-page__input search-input"
            value={draft}
            placeholder="搜索咖啡、零食、好物"
            confirmType="search"
            maxlength={MAX_KEYWORD}
            focus={!initial}
            onInput={(event) => setDraft(event.detail.value)}
            onConfirm={(event) => search(event.detail.value)}
          />
        </View>
        <View className="search-page__submit search-submit" onClick={() => search(draft)}>
          <Text>搜索</Text>
        </View>
      </View>

      {keyword ? (
        <>
          <SortBar sort={sort} onChange={setSort} />
          <View className="search-page__list">
            <LoadState status={list.status} error={list.error} loadingText="正在搜索…" onRetry={() => void loadList(query, 'first')}>
              {() =>
                list.items.length === 0 ? (
                  <>
                    <View className="search-page__empty search-empty">
                      <Text className="search-page__empty-title">没有找到「{keyword}」相关的商品</Text>
                      <Text className="search-page__empty-text">换个关键词试试，比如「咖啡」「T恤」</Text>
                    </View>
                    <Recommendations />
                  </>
                ) : (
                  <PagedItems list={list} onMore={() => void loadList(query, 'more')}>
                    <ProductGrid products={list.items} />
                  </PagedItems>
                )
              }
            </LoadState>
          </View>
        </>
      ) : (
        <View className="search-history">
          <View className="search-history__head">
            <Text className="search-history__title">最近搜索</Text>
            {history.length > 0 ? (
              <Text
                className="search-history__clear"
                onClick={() => {
                  clearSearchHistory();
                  setHistory([]);
                }}
              >
                清空
              </Text>
            ) : null}
          </View>
          {history.length === 0 ? (
            <Text className="search-history__empty">还没有搜索记录</Text>
          ) : (
            <View className="search-history__items">
              {history.map((item) => (
                <View className="search-history__item" key={item} onClick={() => search(item)}>
                  <Text>{item}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
      <CartEntry />
    </View>
  );
}
