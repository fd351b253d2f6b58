import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { LoadState } from '~/src/components/load-state';
import { PagedItems } from '~/src/components/paged-items';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import type { OrderTab } from '~/src/services/orders';
import { useOrdersStore } from '~/src/stores/orders';
import { OrderCard } from '~/src/packages/orders/components/order-card';
import { isOrderTab, ORDER_TABS } from '~/src/packages/orders/order-text';
import { useOrderAction } from '~/src/packages/orders/use-order-action';
import { openPage } from '~/src/utils/navigate';
import { useShownAgain } from '~/src/utils/use-shown-again';
import './index.scss';

/** The member's orders by status tab, newest first, a page at a time. */
export default function OrderListPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<OrderTab>(isOrderTab(params.tab) ? params.tab : 'all');
  const list = useOrdersStore((s) => s.lists[tab]);
  const busy = useOrdersStore((s) => s.busy);
  const load = useOrdersStore((s) => s.loadList);
  const { run, dialog } = useOrderAction();
  const openOrder = useCallback((orderId: string) => void Taro.navigateTo({ url: `${ROUTES.order}?id=${orderId}` }), []);

  useEffect(() => {
    void load(tab, 'first');
  }, [load, tab]);

  // Coming back from an order (paid, cancelled, refunded there) shows the tab as it is now.
  useShownAgain(() => void load(tab, 'first'));

  usePullDownRefresh(() => {
    void load(tab, 'first').finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void load(tab, 'more');
  });

  const current = ORDER_TABS.find((item) => item.tab === tab)!;

  return (
    <View className="order-list-page">
      <View className="order-tabs">
        {ORDER_TABS.map((item) => (
          <View
            key={item.tab}
            className={`order-tabs__item order-tab-${item.tab}${item.tab === tab ? ' order-tabs__item--active' : ''}`}
            onClick={() => setTab(item.tab)}
          >
            <Text>{item.title}</Text>
          </View>
        ))}
      </View>
      <View className="order-list-page__list">
        <LoadState status={list.status} error={list.error} loadingText="正在加载订单…" onRetry={() => void load(tab, 'first')}>
          {() =>
            list.items.length === 0 ? (
              <StatusPanel
                kind="empty"
                title={current.empty}
                text="去商城挑挑好物吧"
                actionText="去逛逛"
                onAction={() => openPage(ROUTES.category)}
              />
            ) : (
              <PagedItems list={list} onMore={() => void load(tab, 'more')}>
                {list.items.map((order) => (
                  <OrderCard key={order.id} order={order} busy={busy === order.id} onOpen={openOrder} onAction={run} />
                ))}
              </PagedItems>
            )
          }
        </LoadState>
      </View>
      {dialog}
    </View>
  );
}
