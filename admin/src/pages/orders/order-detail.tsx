import { Descriptions, Flex, Table, Tag, Timeline, Typography } from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { formatFen, formatPoints } from '~/core/money/format';
import { STATUS_TEXT } from '~/core/orders/order-machine';
import type { OrderDoc, OrderEvent, OrderLine } from '~/types/orders';
import { formatDateTime } from '../../format/format-time';

const EVENT_TEXT: Record<OrderEvent['status'], string> = {
  ...STATUS_TEXT,
  refundRequested: '申请退款',
  refundRejected: '退款驳回',
  refundApproved: '退款通过',
  lineRefunded: '部分退款',
  returnApproved: '同意退货',
  returnShipped: '买家寄回',
  returnReceived: '收到退货',
};

const lineColumns: TableColumnsType<OrderLine> = [
  { title: '行号', dataIndex: 'lineId', key: 'lineId', width: 64 },
  {
    title: '商品',
    key: 'title',
    render: (_, line) => (
      <Flex vertical>
        <span>{line.title}</span>
        {line.specText ? <Typography.Text type="secondary">{line.specText}</Typography.Text> : null}
      </Flex>
    ),
  },
  { title: '单价', dataIndex: 'unitPriceFen', key: 'unitPriceFen', align: 'right', render: (fen: number) => formatFen(fen) },
  { title: '数量', dataIndex: 'quantity', key: 'quantity', align: 'right' },
  { title: '会员价小计', dataIndex: 'memberFen', key: 'memberFen', align: 'right', render: (fen: number) => formatFen(fen) },
  { title: '优惠券分摊', dataIndex: 'couponFen', key: 'couponFen', align: 'right', render: (fen: number) => discount(fen) },
  {
    title: '积分抵扣',
    key: 'points',
    align: 'right',
    render: (_, line) => (line.pointsUsed > 0 ? `${formatPoints(line.pointsUsed)} 积分 / -${formatFen(line.pointsFen)}` : '—'),
  },
  {
    title: '实付',
    dataIndex: 'paidFen',
    key: 'paidFen',
    align: 'right',
    render: (fen: number) => <Typography.Text strong>{formatFen(fen)}</Typography.Text>,
  },
  {
    title: '退款',
    dataIndex: 'refundId',
    key: 'refundId',
    render: (refundId: string | null) => (refundId ? <Tag color="magenta">已退款</Tag> : null),
  },
];

function discount(fen: number): string {
  return fen > 0 ? `-${formatFen(fen)}` : '—';
}

function breakdownItems(order: OrderDoc): DescriptionsProps['items'] {
  const shipping = order.shippingFeeFen - order.shippingDiscountFen;
  return [
    { key: 'list', label: '商品原价', children: formatFen(order.listFen) },
    { key: 'member', label: '会员优惠', children: discount(order.memberDiscountFen) },
    { key: 'coupon', label: '优惠券', children: discount(order.couponDiscountFen) },
    {
      key: 'points',
      label: '积分抵扣',
      children: order.pointsUsed > 0 ? `${formatPoints(order.pointsUsed)} 积分 / -${formatFen(order.pointsDiscountFen)}` : '—',
    },
    { key: 'shipping', label: '运费', children: shipping > 0 ? formatFen(shipping) : '包邮' },
    { key: 'payable', label: '实付', children: formatFen(order.payableFen) },
    { key: 'earn', label: '预计获得积分', children: formatPoints(order.pointsToEarn) },
    {
      key: 'refunded',
      label: '已退款',
      children:
        order.refundedFen > 0 || order.refundedPoints > 0
          ? `${formatFen(order.refundedFen)}，退回 ${formatPoints(order.refundedPoints)} 积分`
          : '—',
    },
    ...(order.note ? [{ key: 'note', label: '买家备注', children: order.note, span: 2 }] : []),
    ...(order.cancelReason ? [{ key: 'cancel', label: '取消原因', children: order.cancelReason, span: 2 }] : []),
  ];
}

/** The inside of an order: its lines with each one's share of the discounts, the amounts, and what happened when. */
export function OrderDetail({ order }: { order: OrderDoc }) {
  return (
    <Flex className="order-detail" gap="large" wrap>
      <Flex vertical gap="middle" style={{ flex: '1 1 640px', minWidth: 0 }}>
        <Table<OrderLine>
          className="order-lines"
          size="small"
          rowKey="lineId"
          columns={lineColumns}
          dataSource={order.lines}
          pagination={false}
          scroll={{ x: 760 }}
        />
        <Descriptions size="small" column={4} items={breakdownItems(order)} />
      </Flex>
      <Flex vertical style={{ flex: '0 1 280px' }}>
        <Typography.Text strong style={{ marginBottom: 12 }}>
          订单动态
        </Typography.Text>
        <Timeline
          className="order-timeline"
          items={order.timeline.map((event, index) => ({
            key: `${event.at}-${index}`,
            color: event.status === 'refundRejected' || event.status === 'cancelled' ? 'gray' : 'blue',
            title: formatDateTime(event.at),
            content: event.note || EVENT_TEXT[event.status],
          }))}
        />
      </Flex>
    </Flex>
  );
}
