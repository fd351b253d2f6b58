import { Button, Card, Flex, Segmented, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { formatFen } from '~/core/money/format';
import { STATUS_TEXT } from '~/core/orders/order-machine';
import type { AdminOrderRow } from '~/types/functions/admin-orders';
import type { OrderDoc, OrderStatus } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { May } from '../../components/may';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { OrderDetail } from './order-detail';
import { DeliveryCell, OrderStatusTag, canShip, linesSummary } from './order-labels';
import { OrderSearchBar } from './order-search';
import type { OrderSearch } from './order-search';
import { PickupWriteOff } from './pickup-write-off';
import { ShipOrderModal } from './ship-order-modal';

/** Rows per page; the server accepts 1–100. */
export const ORDERS_PAGE_SIZE = 20;

/** The statuses the list can be narrowed to (placements in flight and failed ones are never listed). */
type StatusFilter = Exclude<OrderStatus, 'placing' | 'failed'> | 'all';

/** The list's status tab and search. */
interface OrderFilter {
  status: StatusFilter;
  search: OrderSearch;
}

const STATUSES: readonly StatusFilter[] = ['all', 'pendingPayment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'];
const statusOptions = STATUSES.map((value) => ({ value, label: value === 'all' ? '全部' : STATUS_TEXT[value] }));

function MemberCell({ member }: { member: AdminOrderRow['member'] }) {
  if (!member) return <Typography.Text type="secondary">会员不存在</Typography.Text>;
  return (
    <Flex vertical className="order-member">
      <span>{member.nickname}</span>
      <Typography.Text type="secondary">{member.memberNo}</Typography.Text>
    </Flex>
  );
}

/**
 * Orders, newest first, by status and search (number, member, days placed): who bought, what
 * each paid and how it is delivered; shipping and pickup write-off.
 */
export function OrdersPage() {
  const { client, token } = useAdminApi();
  const [shipping, setShipping] = useState<OrderDoc | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const load = useCallback<LoadCursorPage<AdminOrderRow, OrderFilter>>(
    ({ status, search }, cursor, signal) =>
      client.call(
        'listOrders',
        { token, pageSize: ORDERS_PAGE_SIZE, ...(status === 'all' ? {} : { status }), ...search, ...(cursor ? { cursor } : {}) },
        { signal },
      ),
    [client, token],
  );
  const pages = useCursorPages(load, { status: 'all', search: {} });

  const columns: TableColumnsType<AdminOrderRow> = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 190 },
    { title: '会员', key: 'member', width: 150, render: (_, order) => <MemberCell member={order.member} /> },
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

  const { status, search } = pages.filter;
  const searching = Object.keys(search).length > 0;
  const statusText = status === 'all' ? '' : STATUS_TEXT[status];
  const emptyText = searching ? '没有符合条件的订单' : statusText ? `没有${statusText}的订单` : '还没有订单';

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
        <OrderSearchBar onSearch={(next) => pages.applyFilter({ status, search: next })} />
        <Segmented<StatusFilter>
          className="orders-status-filter"
          options={statusOptions}
          value={status}
          onChange={(next) => pages.applyFilter({ status: next, search })}
          style={{ marginBottom: 16 }}
        />
        <CursorTable<AdminOrderRow>
          pages={pages}
          classPrefix="orders"
          errorTitle="订单列表加载失败"
          emptyText={emptyText}
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
