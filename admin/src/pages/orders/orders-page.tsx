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
import { BatchShipModal } from './batch-ship-modal';
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
 * each paid and how it is delivered; shipping one or several at once, and pickup write-off.
 */
export function OrdersPage() {
  const { client, token } = useAdminApi();
  const [shipping, setShipping] = useState<OrderDoc | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [batchShipping, setBatchShipping] = useState<AdminOrderRow[] | null>(null);
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
  // Only the rows on screen that can still ship count: a page turn or a refresh leaves the others out.
  const selected = pages.rows.filter((order) => selectedIds.includes(order._id) && canShip(order));

  const columns: TableColumnsType<AdminOrderRow> = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 190 },
    { title: '会员', key: 'member', width: 150, render: (_, order) => <MemberCell member={order.member} /> },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, order) => (
        <Flex vertical gap={4} align="flex-start">
          <OrderStatusTag status={order.status} />
          {order.refundAwaitingReview ? (
            <Tag className="order-refund-review" color="red">
              退款待审核
            </Tag>
          ) : order.hasRefund ? (
            <Tag color="orange">有退款</Tag>
          ) : null}
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
      render: (_, order) => {
        if (canShip(order))
          return (
            <May action="shipOrder">
              <Button className="ship-button" type="primary" size="small" onClick={() => setShipping(order)}>
                发货
              </Button>
            </May>
          );
        return order.refundAwaitingReview && order.status === 'paid' ? (
          <Typography.Text type="secondary">先审核退款</Typography.Text>
        ) : null;
      },
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
        <Flex className="orders-batch-bar" align="center" gap="middle" style={{ marginBottom: 12 }}>
          <Button className="orders-batch-ship" type="primary" disabled={selected.length === 0} onClick={() => setBatchShipping(selected)}>
            批量发货
          </Button>
          <Typography.Text type="secondary">
            {selected.length > 0 ? `已选 ${selected.length} 单` : '勾选待发货的快递订单，可一次发货'}
          </Typography.Text>
        </Flex>
        <CursorTable<AdminOrderRow>
          pages={pages}
          classPrefix="orders"
          errorTitle="订单列表加载失败"
          emptyText={emptyText}
          rowKey="_id"
          columns={columns}
          expandable={{ expandedRowRender: (order) => <OrderDetail order={order} /> }}
          rowSelection={{
            selectedRowKeys: selected.map((order) => order._id),
            onChange: (keys) => setSelectedIds(keys.map(String)),
            getCheckboxProps: (order) => ({ disabled: !canShip(order), name: order.orderNo }),
          }}
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
      {batchShipping ? (
        <BatchShipModal
          orders={batchShipping}
          onClose={(shipped) => {
            setBatchShipping(null);
            setSelectedIds([]);
            if (shipped > 0) {
              notice.success(`已发货 ${shipped} 单`);
              pages.reload();
            }
          }}
        />
      ) : null}
    </>
  );
}
