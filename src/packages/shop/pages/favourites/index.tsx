import { useEffect } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { FavouriteItem } from '~/types/functions/catalog';
import { LoadState } from '~/src/components/load-state';
import { PagedItems } from '~/src/components/paged-items';
import { PriceText } from '~/src/components/price-text';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useFavouritesStore } from '~/src/stores/favourites';
import { actionErrorText } from '~/src/utils/error-text';
import { openPage } from '~/src/utils/navigate';
import { useShownAgain } from '~/src/utils/use-shown-again';
import './index.scss';

/** Why a kept product cannot be bought now, or null when it can. */
const unavailableText = (item: FavouriteItem) => (!item.onShelf ? '已下架' : item.soldOut ? '已售罄' : null);

function FavouriteRow({ item, busy, onRemove }: { item: FavouriteItem; busy: boolean; onRemove: () => void }) {
  const unavailable = unavailableText(item);
  return (
    <View
      className={`favourite-row${unavailable ? ' favourite-row--off' : ''}`}
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.product}?id=${encodeURIComponent(item.id)}` })}
    >
      <Image className="favourite-row__image" src={item.imageUrl} mode="aspectFill" lazyLoad />
      <View className="favourite-row__body">
        <Text className="favourite-row__title favourite-title">{item.title}</Text>
        {item.subtitle ? <Text className="favourite-row__subtitle">{item.subtitle}</Text> : null}
        <View className="favourite-row__foot">
          <View className="favourite-row__price">
            <PriceText fen={item.memberMinPriceFen} size="sm" />
            {item.priceVaries ? <Text className="favourite-row__from">起</Text> : null}
            {unavailable ? <Text className="favourite-row__state favourite-state">{unavailable}</Text> : null}
          </View>
          <Text
            className={`favourite-row__remove favourite-remove${busy ? ' favourite-row__remove--busy' : ''}`}
            onClick={(event) => {
              event.stopPropagation();
              onRemove();
            }}
          >
            取消收藏
          </Text>
        </View>
      </View>
    </View>
  );
}

/** 我的收藏: the products the member keeps, newest first, each opening its page, with 取消收藏. */
export default function FavouritesPage() {
  const list = useFavouritesStore((s) => s.list);
  const busy = useFavouritesStore((s) => s.busy);
  const load = useFavouritesStore((s) => s.loadList);
  const setFavourite = useFavouritesStore((s) => s.setFavourite);

  useEffect(() => {
    void load('first');
  }, [load]);

  // Back from a product page, where the member may have kept or dropped it.
  useShownAgain(() => void load('first'));

  usePullDownRefresh(() => {
    void load('first').finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void load('more');
  });

  const remove = async (productId: string) => {
    const outcome = await setFavourite(productId, false);
    void Taro.showToast({ title: outcome.ok ? '已取消收藏' : actionErrorText(outcome), icon: 'none' });
  };

  return (
    <View className="favourites-page">
      <LoadState status={list.status} error={list.error} loadingText="正在加载收藏…" onRetry={() => void load('first')}>
        {() =>
          list.items.length === 0 ? (
            <StatusPanel
              kind="empty"
              title="还没有收藏"
              text="在商品页点「收藏」，喜欢的好物都在这里"
              actionText="去逛逛"
              onAction={() => openPage(ROUTES.category)}
            />
          ) : (
            <PagedItems list={list} onMore={() => void load('more')}>
              {list.items.map((item) => (
                <FavouriteRow key={item.id} item={item} busy={busy === item.id} onRemove={() => void remove(item.id)} />
              ))}
            </PagedItems>
          )
        }
      </LoadState>
    </View>
  );
}
