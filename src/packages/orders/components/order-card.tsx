import { memo } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { OrderView } from '~/types/functions/orders';
import { formatDate } from '~/src/utils/date';
import { formatYuan } from '~/core/money/format';
import { statusText, unitCount } from '../order-text';
import type { OrderAction } from './order-actions';
import { OrderActions } from './order-actions';
import './order-card.scss';

interface OrderCardProps {
  order: OrderView;
  busy: boolean;
  onOpen: (orderId: string) => void;
  onAction: (orderId: string, action: OrderAction) => void;
}

/**
 * An order in the list: number and status, its goods, what was paid, and the actions it allows.
 * Memoised: a long list re-renders only the cards whose order changed when the next page arrives.
 */
export const OrderCard = memo(function OrderCard({ order, busy, onOpen, onAction }: OrderCardProps) {
  const first = order.lines[0];
  const single = order.lines.length === 1 && first;
  return (
    <View className="order-card" onClick={() => onOpen(order.id)}>
      <View className="order-card__head">
        <Text className="order-card__time">{formatDate(order.createdAt, 'YYYY-MM-DD HH:mm')}</Text>
        <Text className={`order-card__status order-card__status--${order.status} order-status`}>{statusText(order)}</Text>
      </View>
      {single ? (
        <View className="order-card__single">
          <Image className="order-card__image" src={single.imageUrl} mode="aspectFill" />
          <View className="order-card__line">
            <Text className="order-card__title">{single.title}</Text>
            {single.specText ? <Text className="order-card__spec">{single.specText}</Text> : null}
            <Text className="order-card__spec">× {single.quantity}</Text>
          </View>
        </View>
      ) : (
        <View className="order-card__multi">
          <Text className="order-card__names order-card-names">{`${first?.title ?? ''} 等${order.lines.length}件`}</Text>
          <View className="order-card__images">
            {order.lines.slice(0, 4).map((line) => (
              <Image key={line.lineId} className="order-card__image" src={line.imageUrl} mode="aspectFill" />
            ))}
            {order.lines.length > 4 ? <Text className="order-card__more">…</Text> : null}
          </View>
        </View>
      )}
      <View className="order-card__sum">
        <Text className="order-card__count">共 {unitCount(order)} 件</Text>
        <Text className="order-card__paid">
          {order.status === 'pendingPayment' || order.status === 'cancelled' ? '应付' : '实付'}
          <Text className="order-card__amount order-amount">{formatYuan(order.breakdown.payableFen)}</Text>
        </Text>
      </View>
      <OrderActions order={order} busy={busy} compact onAction={(action) => onAction(order.id, action)} />
    </View>
  );
});
