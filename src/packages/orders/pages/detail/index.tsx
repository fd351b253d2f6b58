import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { OrderView } from '~/types/functions/orders';
import { LoadState } from '~/src/components/load-state';
import { OrderBreakdown } from '~/src/components/order-breakdown';
import { Panel } from '~/src/components/panel';
import { QrCode } from '~/src/components/qr-code';
import { idle } from '~/src/stores/loadable';
import { useOrdersStore } from '~/src/stores/orders';
import { formatDate } from '~/src/utils/date';
import { OrderActions } from '~/src/packages/orders/components/order-actions';
import { OrderLines } from '~/src/packages/orders/components/order-lines';
import { OrderTimeline } from '~/src/packages/orders/components/order-timeline';
import { RefundProgress } from '~/src/packages/orders/components/refund-progress';
import { openRefundLineIds, spacedPickupCode, statusHint, statusText } from '~/src/packages/orders/order-text';
import { useOrderAction } from '~/src/packages/orders/use-order-action';
import './index.scss';

function PickupPanel({ order }: { order: OrderView }) {
  if (order.delivery.mode !== 'pickup' || !order.delivery.pickupCode) return null;
  const used = order.status === 'completed';
  return (
    <View className={`pickup-panel${used ? ' pickup-panel--used' : ''}`}>
      <Text className="pickup-panel__label">{used ? '已提货' : '取货码 · 到店出示给店员'}</Text>
      <Text className="pickup-panel__code pickup-code">{spacedPickupCode(order.delivery.pickupCode)}</Text>
      {used ? null : <QrCode className="pickup-panel__qr" text={order.delivery.pickupCode} />}
      <Text className="pickup-panel__store">{order.delivery.storeName}</Text>
    </View>
  );
}

function DeliveryPanel({ order }: { order: OrderView }) {
  const delivery = order.delivery;
  if (delivery.mode === 'pickup') {
    return (
      <Panel title="到店自提" className="order-delivery">
        <Text className="order-delivery__main">{delivery.storeName}</Text>
        {delivery.pickupCode ? null : <Text className="order-delivery__text">支付成功后生成取货码</Text>}
      </Panel>
    );
  }
  return (
    <Panel title="收货信息" className="order-delivery">
      <Text className="order-delivery__main">
        {delivery.address.name} {delivery.address.phone}
      </Text>
      <Text className="order-delivery__text">
        {delivery.address.region} {delivery.address.detail}
      </Text>
      {delivery.trackingNo ? (
        <Text className="order-delivery__text tracking-no">
          {delivery.carrier ? `${delivery.carrier} ` : ''}运单号 {delivery.trackingNo}
        </Text>
      ) : null}
    </Panel>
  );
}

function lineNote(order: OrderView, lineId: string) {
  const line = order.lines.find((item) => item.lineId === lineId);
  if (line?.refundId) return <Text className="order-line-note order-line-note--refunded">已退款</Text>;
  if (openRefundLineIds(order).includes(lineId)) return <Text className="order-line-note">退款处理中</Text>;
  return null;
}

/** One order: status and what to do next, pickup code, delivery, goods, price breakdown, refunds, timeline. */
export default function OrderDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const order = useOrdersStore((s) => s.orders[id]) ?? idle<OrderView>();
  const busy = useOrdersStore((s) => s.busy);
  const loadOrder = useOrdersStore((s) => s.loadOrder);
  const { run, dialog } = useOrderAction();
  const shownOnce = useRef(false);

  useEffect(() => {
    if (id) void loadOrder(id);
  }, [id, loadOrder]);

  // Back from the refund form or the payment result: read the order as it is now.
  useDidShow(() => {
    if (shownOnce.current && id) void loadOrder(id);
    shownOnce.current = true;
  });

  usePullDownRefresh(() => {
    void loadOrder(id).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="order-detail-page">
      <LoadState status={order.status} error={order.error} loadingText="正在加载订单…" onRetry={() => void loadOrder(id)}>
        {() => {
          const data = order.data as OrderView;
          const hasActions = Object.values(data.can).some(Boolean);
          return (
            <>
              <View className={`order-status-card order-status-card--${data.status}`}>
                <Text className="order-status-card__status order-detail-status">{statusText(data)}</Text>
                <Text className="order-status-card__hint">{statusHint(data)}</Text>
              </View>
              <PickupPanel order={data} />
              <DeliveryPanel order={data} />
              <Panel title="商品" className="order-goods">
                <OrderLines lines={data.lines} extra={(lineId) => lineNote(data, lineId)} />
              </Panel>
              <Panel title="订单金额" className="order-amounts">
                <OrderBreakdown
                  breakdown={data.breakdown}
                  pickup={data.delivery.mode === 'pickup'}
                  payableLabel={
                    data.status === 'pendingPayment' || data.status === 'cancelled' || data.status === 'failed' ? '应付金额' : '实付款'
                  }
                />
              </Panel>
              {data.refunds.length > 0 ? (
                <Panel title="退款/售后" className="order-refunds">
                  <RefundProgress order={data} />
                </Panel>
              ) : null}
              <Panel title="订单进度" className="order-progress">
                <OrderTimeline events={data.timeline} />
              </Panel>
              <Panel title="订单信息" className="order-facts">
                <View className="order-facts__row">
                  <Text className="order-facts__label">订单编号</Text>
                  <Text className="order-facts__value order-no">{data.orderNo}</Text>
                </View>
                <View className="order-facts__row">
                  <Text className="order-facts__label">下单时间</Text>
                  <Text className="order-facts__value">{formatDate(data.createdAt, 'YYYY-MM-DD HH:mm:ss')}</Text>
                </View>
                {data.paidAt ? (
                  <View className="order-facts__row">
                    <Text className="order-facts__label">支付时间</Text>
                    <Text className="order-facts__value">{formatDate(data.paidAt, 'YYYY-MM-DD HH:mm:ss')}</Text>
                  </View>
                ) : null}
                {data.note ? (
                  <View className="order-facts__row">
                    <Text className="order-facts__label">订单备注</Text>
                    <Text className="order-facts__value">{data.note}</Text>
                  </View>
                ) : null}
              </Panel>
              {hasActions ? (
                <View className="order-detail-bar">
                  <OrderActions order={data} busy={busy === data.id} onAction={(action) => run(data.id, action)} />
                </View>
              ) : null}
            </>
          );
        }}
      </LoadState>
      {dialog}
    </View>
  );
}
