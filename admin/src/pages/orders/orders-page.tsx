import { Button, Card, Flex, Segmented, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { formatFen } from '~/core/money/format';
import { STATUS_TEXT } from '~/core/orders/order-machine';
import type { OrderDoc, OrderStatus } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { May } from '../../components/may';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { OrderDetail } from './order-detail';
import { DeliveryCell, OrderStatusTag, canShip, linesSummary } from './order-labels';
import { PickupWriteOff } from './pickup-write-off';
import { ShipOrderModal } from './ship-order-modal';

/** Rows per page; the server accepts 1–100. */
export const ORDERS_PAGE_SIZE = 20;

/** The statuses the list can be narrowed to (placements in flight and failed ones are never listed). */
type OrderFilter = Exclude<OrderStatus, 'placing' | 'failed'> | 'all';

const FILTERS: readonly OrderFilter[] = ['all', 'pendingPayment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'];
const filterOptions = FILTERS.map((value) => ({ value, label: value === 'all' ? '全部' : STATUS_TEXT[value] }));

/** Orders, newest first, by status: what each paid and how it is delivered; shipping and pickup write-off. */
export function OrdersPage() {
  const { client, token } = useAdminApi();
  const [shipping, setShipping] = useState<OrderDoc | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const load = useCallback<LoadCursorPage<OrderDoc, OrderFilter>>(
    (status, cursor, signal) =>
      client.call(
        'listOrders',
        { token, pageSize: ORDERS_PAGE_SIZE, ...(status === 'all' ? {} : { status }), ...(cursor ? { cursor } : {}) },
        { signal },
      ),
    [client, token],
  );
  const pages = useCursorPages(load, 'all');

  const columns: TableColumnsType<OrderDoc> = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 190 },
    { title: '会员', dataIndex: 'memberId', key: 'memberId', width: 150, ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 96,
      render: (_, order) => (
        <Flex vertical gap={4} align="flex-start">
          <OrderStatusTag status={order.status} />
          {order.hasRefund ? <Tag color="orange">有退款</Tag> : null}
        </Flex>
      ),
    },
    { title: '实付', dataIndex: 'payableFen', key: 'payableFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
    { title: '商品', key: 'lines', ellipsis: true, render: (_, order) => linesSummary(order.lines) },
    {
      title: '配送',
      dataIndex: 'delivery',
      key: 'delivery',
      width: 260,
      render: (delivery: OrderDoc['delivery']) => <DeliveryCell delivery={delivery} />,
    },
    {
      title: '下单 / 支付时间',
      key: 'times',
      width: 170,
      render: (_, order) => (
        <Flex vertical>
          <span>{formatDateTime(order.createdAt)}</span>
          <Typography.Text type="secondary">{order.paidAt === null ? '未支付' : formatDateTime(order.paidAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'end',
      render: (_, order) =>
        canShip(order) ? (
          <May action="shipOrder">
            <Button className="ship-button" type="primary" size="small" onClick={() => setShipping(order)}>
              发货
            </Button>
          </May>
        ) : null,
    },
  ];

  const statusText = pages.filter === 'all' ? '' : STATUS_TEXT[pages.filter];

  return (
    <>
      {noticeHolder}
      <May action="completePickup">
        <PickupWriteOff
          onCompleted={(order) => {
            notice.success(`订单 ${order.orderNo} 已提货`);
            pages.reload();
          }}
        />
      </May>
      <Card title="订单">
        <Segmented<OrderFilter>
          className="orders-status-filter"
          options={filterOptions}
          value={pages.filter}
          onChange={pages.applyFilter}
          style={{ marginBottom: 16 }}
        />
        <CursorTable<OrderDoc>
          pages={pages}
          classPrefix="orders"
          errorTitle="订单列表加载失败"
          emptyText={statusText ? `没有${statusText}的订单` : '还没有订单'}
          rowKey="_id"
          columns={columns}
          expandable={{ expandedRowRender: (order) => <OrderDetail order={order} /> }}
          scrollX={1300}
        />
      </Card>
      {shipping ? (
        <ShipOrderModal
          order={shipping}
          onClose={() => setShipping(null)}
          onShipped={(order) => {
            setShipping(null);
            notice.success(`订单 ${order.orderNo} 已发货`);
            pages.reload();
          }}
        />
      ) : null}
    </>
  );
}
