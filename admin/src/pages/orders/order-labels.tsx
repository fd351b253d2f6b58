import { Space, Tag, Typography } from 'antd';
import { STATUS_TEXT } from '~/core/orders/order-machine';
import type { OrderDelivery, OrderDoc, OrderLine, OrderStatus } from '~/types/orders';

const STATUS_COLOR: Record<OrderStatus, string> = {
  placing: 'default',
  failed: 'error',
  pendingPayment: 'gold',
  cancelled: 'default',
  paid: 'blue',
  shipped: 'cyan',
  completed: 'green',
  refunded: 'magenta',
};

/** An order's status as a coloured tag with its Chinese label (待发货, 已完成, …). */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{STATUS_TEXT[status]}</Tag>;
}

/** The lines of an order in one sentence, e.g. `咖啡豆 ×1、马克杯 ×2`. */
export function linesSummary(lines: readonly Pick<OrderLine, 'title' | 'quantity'>[]): string {
  return lines.map((line) => `${line.title} ×${line.quantity}`).join('、');
}

/** Whether the order can ship now: paid, to be delivered, and no refund of it waiting for review. */
export function canShip(order: Pick<OrderDoc, 'status' | 'delivery'> & { refundAwaitingReview?: boolean }): boolean {
  return order.status === 'paid' && order.delivery.mode === 'delivery' && !order.refundAwaitingReview;
}

/** How an order reaches its member: the address and tracking number, or the store and pickup code. */
export function DeliveryCell({ delivery }: { delivery: OrderDelivery }) {
  if (delivery.mode === 'delivery') {
    const { address, trackingNo, carrier } = delivery;
    return (
      <Space orientation="vertical" size={0}>
        <span>
          <Tag>快递</Tag>
          {address.name} {address.phone}
        </span>
        <Typography.Text type="secondary">
          {address.region} {address.detail}
        </Typography.Text>
        {trackingNo ? (
          <Typography.Text type="secondary">
            {carrier ? `${carrier} ` : ''}运单号 {trackingNo}
          </Typography.Text>
        ) : null}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Tag color="purple">自提</Tag>
        {delivery.storeName}
      </span>
      {/* The code is the member's to show at the till: lists never carry it. */}
      <Typography.Text type="secondary">凭会员的提货码到店自提</Typography.Text>
    </Space>
  );
}
