import { Button, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatFen, formatPoints } from '~/core/money/format';
import { STATUS_TEXT } from '~/core/orders/order-machine';
import type {
  CheckInRow,
  CouponRow,
  LedgerRow,
  MemberRecordKind,
  MemberRecordRows,
  OrderRow,
  RecordPage,
  RedemptionRow,
  TierChangeRow,
  VisitRow,
} from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { outcomeOf } from '../../api/outcome';
import { formatDateTime, formatDay } from '../../format/format-time';
import {
  COUPON_SOURCE,
  COUPON_STATUS,
  LEDGER_KIND,
  REDEMPTION_STATUS,
  StatusTag,
  TIER_CHANGE_REASON,
  VISIT_STATUS,
  signedPoints,
} from './member-labels';

/** Rows each 加载更多 adds. */
export const MORE_PAGE_SIZE = 20;

/** One list of the detail: the first page it came with, then more pages on demand. */
export function useMoreRecords<K extends MemberRecordKind>(memberId: string, kind: K, first: RecordPage<MemberRecordRows[K]>) {
  const { client, token, onSessionLost } = useAdminApi();
  const [rows, setRows] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadMore = async () => {
    if (cursor === null) return;
    setLoading(true);
    setError(null);
    const outcome = await outcomeOf(() => client.call('listMemberRecords', { token, memberId, kind, pageSize: MORE_PAGE_SIZE, cursor }));
    setLoading(false);
    if (outcome.ok) {
      setRows((current) => [...current, ...(outcome.value.items as MemberRecordRows[K][])]);
      setCursor(outcome.value.nextCursor);
    } else if (outcome.failure.sessionLost) {
      onSessionLost(outcome.failure.message);
    } else {
      setError(outcome.failure.message);
    }
  };

  return { rows, hasMore: cursor !== null, loading, error, loadMore };
}

/** How the detail shows one kind of record: its tab, what an empty list says, the row key and the table's width. */
export interface RecordKindView<K extends MemberRecordKind> {
  label: string;
  emptyText: string;
  rowKey: keyof MemberRecordRows[K] & string;
  scrollX?: number;
}

/** Every list of the detail, one tab each, in the order of MEMBER_RECORD_KINDS. */
export const RECORD_KIND_VIEWS: { [K in MemberRecordKind]: RecordKindView<K> } = {
  ledger: { label: '积分明细', emptyText: '还没有积分记录', rowKey: 'id', scrollX: 960 },
  orders: { label: '订单', emptyText: '还没有订单', rowKey: 'id', scrollX: 960 },
  coupons: { label: '优惠券', emptyText: '还没有优惠券', rowKey: 'id', scrollX: 860 },
  redemptions: { label: '积分兑换', emptyText: '还没有兑换记录', rowKey: 'id' },
  checkIns: { label: '签到', emptyText: '还没有签到', rowKey: 'day' },
  visits: { label: '门店消费', emptyText: '还没有门店消费', rowKey: 'id', scrollX: 900 },
  tierHistory: { label: '等级变动', emptyText: '还没有等级变动', rowKey: 'at' },
  approvals: { label: '积分审批', emptyText: '没有需要审批的积分调整', rowKey: 'id', scrollX: 760 },
};

/** The columns of each list of the detail. */
export type RecordColumns = { [K in MemberRecordKind]: TableColumnsType<MemberRecordRows[K]> };

/** A list of the detail in a small table with 加载更多 under it while there is more. */
export function RecordsTable<K extends MemberRecordKind>({
  memberId,
  kind,
  first,
  columns,
}: {
  memberId: string;
  kind: K;
  first: RecordPage<MemberRecordRows[K]>;
  columns: TableColumnsType<MemberRecordRows[K]>;
}) {
  const { emptyText, rowKey, scrollX } = RECORD_KIND_VIEWS[kind];
  const more = useMoreRecords(memberId, kind, first);
  return (
    <Flex vertical gap="small">
      <Table<MemberRecordRows[K]>
        className={`member-${kind}-table`}
        size="small"
        rowKey={rowKey}
        columns={columns}
        dataSource={more.rows}
        pagination={false}
        locale={{ emptyText }}
        scroll={scrollX === undefined ? undefined : { x: scrollX }}
      />
      {more.error ? <Typography.Text type="danger">{more.error}</Typography.Text> : null}
      {more.hasMore ? (
        <Button className={`member-${kind}-more`} onClick={more.loadMore} loading={more.loading} style={{ alignSelf: 'center' }}>
          加载更多
        </Button>
      ) : null}
    </Flex>
  );
}

export const ledgerColumns: TableColumnsType<LedgerRow> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 150, render: (at: number) => formatDateTime(at) },
  { title: '类型', dataIndex: 'kind', key: 'kind', width: 100, render: (kind: LedgerRow['kind']) => LEDGER_KIND[kind] },
  { title: '原因', dataIndex: 'reason', key: 'reason', ellipsis: true },
  {
    title: '可用',
    dataIndex: 'available',
    key: 'available',
    width: 90,
    align: 'right',
    render: (points: number) => (points === 0 ? '—' : signedPoints(points)),
  },
  {
    title: '待入账',
    dataIndex: 'pending',
    key: 'pending',
    width: 90,
    align: 'right',
    render: (points: number) => (points === 0 ? '—' : signedPoints(points)),
  },
  {
    title: '余额（可用 / 待入账）',
    key: 'balance',
    width: 150,
    align: 'right',
    render: (_, row) => `${formatPoints(row.balanceAfter.available)} / ${formatPoints(row.balanceAfter.pending)}`,
  },
  {
    title: '积分批次',
    key: 'lots',
    width: 220,
    render: (_, row) => (
      <Flex vertical>
        {row.lots.map((lot) => (
          <Typography.Text key={lot.lotId} type="secondary" style={{ fontSize: 12 }}>
            {lot.lotId} {signedPoints(lot.points)}
          </Typography.Text>
        ))}
      </Flex>
    ),
  },
];

export const orderColumns: TableColumnsType<OrderRow> = [
  { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 180 },
  { title: '商品', dataIndex: 'summary', key: 'summary', ellipsis: true },
  { title: '状态', dataIndex: 'status', key: 'status', width: 80, render: (status: OrderRow['status']) => STATUS_TEXT[status] },
  { title: '实付', dataIndex: 'payableFen', key: 'payableFen', width: 100, align: 'right', render: (fen: number) => formatFen(fen) },
  {
    title: '积分（用 / 得）',
    key: 'points',
    width: 120,
    align: 'right',
    render: (_, row) => `${formatPoints(row.pointsUsed)} / ${formatPoints(row.pointsToEarn)}`,
  },
  {
    title: '已退款',
    dataIndex: 'refundedFen',
    key: 'refundedFen',
    width: 90,
    align: 'right',
    render: (fen: number) => (fen > 0 ? formatFen(fen) : '—'),
  },
  {
    title: '配送',
    dataIndex: 'deliveryMode',
    key: 'deliveryMode',
    width: 70,
    render: (mode: OrderRow['deliveryMode']) => (mode === 'pickup' ? '自提' : '快递'),
  },
  { title: '下单时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: number) => formatDateTime(at) },
];

/** Coupon columns, with 作废 on an unused coupon when the admin may void it. */
export function couponColumns(onVoid: ((coupon: CouponRow) => void) | null): TableColumnsType<CouponRow> {
  return [
    { title: '优惠券', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '来源', dataIndex: 'source', key: 'source', width: 90, render: (source: CouponRow['source']) => COUPON_SOURCE[source] },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: CouponRow['status']) => <StatusTag label={COUPON_STATUS[status]} />,
    },
    {
      title: '有效期',
      key: 'valid',
      width: 190,
      render: (_, row) => `${formatDay(row.validFrom)} 至 ${formatDay(row.validTo)}`,
    },
    {
      title: '作废',
      key: 'voided',
      width: 160,
      render: (_, row) =>
        row.voidedAt === null ? '—' : `${row.voidReason ?? ''}（${row.voidedBy ?? ''} ${formatDateTime(row.voidedAt)}）`,
    },
    ...(onVoid
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_: unknown, row: CouponRow) =>
              row.status === 'issued' ? (
                <Button className="void-coupon-button" danger size="small" onClick={() => onVoid(row)}>
                  作废
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
}

export const redemptionColumns: TableColumnsType<RedemptionRow> = [
  { title: '兑换', dataIndex: 'title', key: 'title', ellipsis: true },
  {
    title: '积分',
    dataIndex: 'pointsCost',
    key: 'pointsCost',
    width: 90,
    align: 'right',
    render: (points: number) => formatPoints(points),
  },
  {
    title: '加价',
    dataIndex: 'cashFen',
    key: 'cashFen',
    width: 90,
    align: 'right',
    render: (fen: number) => (fen > 0 ? formatFen(fen) : '—'),
  },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 100,
    render: (status: RedemptionRow['status']) => <StatusTag label={REDEMPTION_STATUS[status]} />,
  },
  { title: '兑换时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: number) => formatDateTime(at) },
  {
    title: '领取',
    key: 'fulfilled',
    width: 180,
    render: (_, row) => (row.fulfilledAt === null ? '—' : `${row.fulfilledStoreName ?? ''} ${formatDateTime(row.fulfilledAt)}`),
  },
];

export const checkInColumns: TableColumnsType<CheckInRow> = [
  { title: '日期', dataIndex: 'day', key: 'day', width: 120 },
  { title: '连续天数', dataIndex: 'streak', key: 'streak', width: 100, align: 'right' },
  { title: '积分', dataIndex: 'points', key: 'points', width: 90, align: 'right', render: (points: number) => signedPoints(points) },
  {
    title: '其中连签奖励',
    dataIndex: 'bonus',
    key: 'bonus',
    width: 120,
    align: 'right',
    render: (points: number) => (points > 0 ? formatPoints(points) : '—'),
  },
  { title: '签到时间', dataIndex: 'at', key: 'at', render: (at: number) => formatDateTime(at) },
];

export const visitColumns: TableColumnsType<VisitRow> = [
  { title: '门店', dataIndex: 'storeName', key: 'storeName', ellipsis: true },
  { title: '小票号', dataIndex: 'receiptNo', key: 'receiptNo', width: 130 },
  { title: '收银员', dataIndex: 'staffName', key: 'staffName', width: 100 },
  { title: '金额', dataIndex: 'amountFen', key: 'amountFen', width: 90, align: 'right', render: (fen: number) => formatFen(fen) },
  { title: '实付', dataIndex: 'paidFen', key: 'paidFen', width: 90, align: 'right', render: (fen: number) => formatFen(fen) },
  {
    title: '积分（用 / 得）',
    key: 'points',
    width: 120,
    align: 'right',
    render: (_, row) => `${formatPoints(row.pointsUsed)} / ${formatPoints(row.pointsEarned)}`,
  },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 90,
    render: (status: VisitRow['status']) => <StatusTag label={VISIT_STATUS[status]} />,
  },
  { title: '时间', dataIndex: 'at', key: 'at', width: 150, render: (at: number) => formatDateTime(at) },
];

export const tierHistoryColumns: TableColumnsType<TierChangeRow> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 150, render: (at: number) => formatDateTime(at) },
  { title: '变动', key: 'change', render: (_, row) => `${row.fromName} → ${row.toName}` },
  {
    title: '原因',
    dataIndex: 'reason',
    key: 'reason',
    width: 100,
    render: (reason: TierChangeRow['reason']) => TIER_CHANGE_REASON[reason],
  },
  { title: '当时消费', dataIndex: 'spendFen', key: 'spendFen', width: 120, align: 'right', render: (fen: number) => formatFen(fen) },
];
