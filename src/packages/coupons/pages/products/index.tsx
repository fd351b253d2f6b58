import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import type { MyCoupon } from '~/types/functions/coupons';
import { formatYuan } from '~/core/money/format';
import { CartEntry } from '~/src/components/cart-entry';
import { CouponTicket } from '~/src/components/coupon-ticket';
import { LoadState } from '~/src/components/load-state';
import { PagedItems } from '~/src/components/paged-items';
import { ProductGrid } from '~/src/components/product-card';
import { SortBar } from '~/src/components/sort-bar';
import type { ProductSort } from '~/src/services/catalog';
import * as couponsService from '~/src/services/coupons';
import { checkoutLines, estimateOf, useCartStore } from '~/src/stores/cart';
import { queryKey, useCatalogStore } from '~/src/stores/catalog';
import type { Loadable } from '~/src/stores/loadable';
import { idle, loadInto } from '~/src/stores/loadable';
import { emptyList } from '~/src/stores/paged-list';
import { routeParam } from '~/src/utils/route-param';
import './index.scss';

/** How far the cart's chosen goods are from the coupon's threshold, in the member's prices. */
function thresholdText(coupon: MyCoupon, chosenFen: number): string {
  const threshold = coupon.terms.thresholdFen;
  if (threshold === 0) return '无门槛，下单即可使用';
  if (chosenFen >= threshold) return `购物车已选${formatYuan(chosenFen)}，已满足使用条件`;
  return `购物车已选${formatYuan(chosenFen)}，再买${formatYuan(threshold - chosenFen)}可用`;
}

/**
 * 去使用 from 我的优惠券: the coupon on top (with why the member got it, for campaign coupons, as
 * in the wallet) and how far the cart is from using it, and the
 * products it applies to. Coupons apply storewide (the engine has no product scope), so every
 * product on the shelf is listed.
 */
export default function CouponProductsPage() {
  const { params } = useRouter();
  const instanceId = routeParam(params.id);
  const [coupon, setCoupon] = useState<Loadable<MyCoupon>>(idle());
  const [sort, setSort] = useState<ProductSort>('sales');
  const query = { sort };
  const list = useCatalogStore((s) => s.lists[queryKey(query)]) ?? emptyList();
  const loadList = useCatalogStore((s) => s.loadList);
  const chosenFen = useCartStore((s) => estimateOf(checkoutLines(s)).memberFen);

  const loadCoupon = () =>
    loadInto(
      () => coupon,
      setCoupon,
      () => couponsService.getMine(instanceId),
    );

  useEffect(() => {
    void loadCoupon();
    // The coupon is read once per opening; its id is fixed for the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instanceId]);

  useEffect(() => {
    void loadList({ sort }, 'first');
  }, [loadList, sort]);

  useReachBottom(() => {
    void loadList({ sort }, 'more');
  });

  return (
    <View className="coupon-products-page">
      <LoadState
        status={coupon.status === 'idle' ? 'loading' : coupon.status}
        error={coupon.error}
        loadingText="正在读取优惠券…"
        onRetry={() => void loadCoupon()}
      >
        {() => {
          const data = coupon.data as MyCoupon;
          return (
            <View className="coupon-products-page__banner coupon-banner">
              <CouponTicket
                face={data.face}
                title={data.title}
                validityText={data.validityText}
                rules={data.description}
                tags={['全场商品可用']}
                reason={data.reason}
              />
              <Text className="coupon-products-page__progress coupon-progress">{thresholdText(data, chosenFen)}</Text>
            </View>
          );
        }}
      </LoadState>
      <SortBar sort={sort} onChange={setSort} />
      <View className="coupon-products-page__list">
        <LoadState status={list.status} error={list.error} loadingText="正在加载商品…" onRetry={() => void loadList({ sort }, 'first')}>
          {() => (
            <PagedItems list={list} onMore={() => void loadList({ sort }, 'more')}>
              <ProductGrid products={list.items} />
            </PagedItems>
          )}
        </LoadState>
      </View>
      <CartEntry />
    </View>
  );
}
