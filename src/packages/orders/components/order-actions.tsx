import { Text, View } from '@tarojs/components';
import type { OrderView } from '~/types/functions/orders';
import './order-actions.scss';

export type OrderAction = 'pay' | 'cancel' | 'confirmReceipt' | 'requestRefund';

interface OrderActionsProps {
  order: Pick<OrderView, 'can'>;
  /** True while an action runs on this order: every button waits. */
  busy: boolean;
  /** The list shows what matters most; the detail also offers a refund. */
  compact?: boolean;
  onAction: (action: OrderAction) => void;
}

const LABELS: Record<OrderAction, string> = {
  cancel: '取消订单',
  requestRefund: '申请退款',
  confirmReceipt: '确认收货',
  pay: '去付款',
};

/** The buttons for what the member may do with an order now, as the server says (`can`). */
export function OrderActions({ order, busy, compact = false, onAction }: OrderActionsProps) {
  const actions = (['cancel', 'requestRefund', 'confirmReceipt', 'pay'] as OrderAction[]).filter(
    (action) => order.can[action] && !(compact && action === 'requestRefund'),
  );
  if (actions.length === 0) return null;
  return (
    <View className={`order-actions${compact ? ' order-actions--compact' : ''}`}>
      {actions.map((action) => (
        <View
          key={action}
          className={`order-actions__button order-action-${action}${action === 'pay' || action === 'confirmReceipt' ? ' order-actions__button--primary' : ''}${busy ? ' order-actions__button--busy' : ''}`}
          onClick={(event) => {
            event.stopPropagation();
            if (!busy) onAction(action);
          }}
        >
          <Text>{LABELS[action]}</Text>
        </View>
      ))}
    </View>
  );
}
