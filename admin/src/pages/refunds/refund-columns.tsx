import { Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, formatPoints } from '~/core/money/format';
import type { RefundDoc, RefundStatus } from '~/types/orders';
import { May } from '../../components/may';
import { formatDateTime } from '../../format/format-time';

/** A refund's status as the operators read it, with its tag colour. */
export const REFUND_STATUS: Record<RefundStatus, { text: string; color: string }> = {
  requested: { text: '待审核', color: 'orange' },
  refunding: { text: '退款中', color: 'blue' },
  refunded: { text: '已退款', color: 'green' },
  rejected: { text: '已驳回', color: 'default' },
};

/** What the action buttons of the refunds table do. */
export interface RefundActions {
  /** Id of the refund being approved; every action waits until it is done. */
  busyId: string | null;
  onApprove: (refund: RefundDoc) => Promise<void>;
  onReject: (refund: RefundDoc) => void;
}

/** Columns of the refunds table: numbers, lines, amounts, status, times, note, and 同意退款/驳回 while a refund is open. */
export function refundColumns({ busyId, onApprove, onReject }: RefundActions): TableColumnsType<RefundDoc> {
  return [
    {
      title: '退款单号 / 订单号',
      key: 'numbers',
      width: 230,
      render: (_, refund) => (
        <Flex vertical>
          <span>{refund.refundNo}</span>
          <Typography.Text type="secondary">订单 {refund.orderNo}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '退款商品行',
      dataIndex: 'lineIds',
      key: 'lineIds',
      width: 120,
      render: (lineIds: string[]) => (
        <Space size={[0, 4]} wrap>
          {lineIds.map((lineId) => (
            <Tag key={lineId}>{lineId}</Tag>
          ))}
        </Space>
      ),
    },
    { title: '原因', dataIndex: 'reason', key: 'reason', ellipsis: true },
    { title: '金额', dataIndex: 'amountFen', key: 'amountFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
    {
      title: '退回积分',
      dataIndex: 'pointsReturned',
      key: 'pointsReturned',
      width: 100,
      align: 'right',
      render: (points: number) => formatPoints(points),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: RefundStatus) => <Tag color={REFUND_STATUS[status].color}>{REFUND_STATUS[status].text}</Tag>,
    },
    {
      title: '申请 / 审核时间',
      key: 'times',
      width: 170,
      render: (_, refund) => (
        <Flex vertical>
          <span>{formatDateTime(refund.requestedAt)}</span>
          <Typography.Text type="secondary">{refund.reviewedAt === null ? '未审核' : formatDateTime(refund.reviewedAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '审核备注',
      dataIndex: 'reviewNote',
      key: 'reviewNote',
      width: 160,
      ellipsis: true,
      render: (note: string | null) => note ?? '—',
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      fixed: 'end',
      render: (_, refund) => {
        if (refund.status !== 'requested' && refund.status !== 'refunding') return null;
        const retry = refund.status === 'refunding';
        return (
          <Space>
            <May action="approveRefund">
              <Popconfirm
                title={retry ? `重新发起退款 ${formatFen(refund.amountFen)}？` : `同意退款 ${formatFen(refund.amountFen)}？`}
                description={`原路退回 ${formatFen(refund.amountFen)}，退回 ${formatPoints(refund.pointsReturned)} 积分`}
                okText={retry ? '重试退款' : '同意退款'}
                cancelText="再想想"
                onConfirm={() => onApprove(refund)}
              >
                <Button className="approve-button" type="primary" size="small" loading={busyId === refund._id} disabled={busyId !== null}>
                  {retry ? '重试退款' : '同意退款'}
                </Button>
              </Popconfirm>
            </May>
            {retry ? null : (
              <May action="rejectRefund">
                <Button className="reject-button" danger size="small" disabled={busyId !== null} onClick={() => onReject(refund)}>
                  驳回
                </Button>
              </May>
            )}
          </Space>
        );
      },
    },
  ];
}
