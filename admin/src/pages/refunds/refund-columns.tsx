import { Button, Flex, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, formatPoints } from '~/core/money/format';
import { REFUND_KIND_TEXT } from '~/core/orders/order-machine';
import { refundKindOf } from '~/core/orders/refund-plan';
import type { RefundDoc, RefundStatus } from '~/types/orders';
import { May } from '../../components/may';
import { formatDateTime } from '../../format/format-time';

/** A refund's status as the operators read it, with its tag colour. */
export const REFUND_STATUS: Record<RefundStatus, { text: string; color: string }> = {
  requested: { text: '待审核', color: 'orange' },
  awaitingReturn: { text: '待退货', color: 'purple' },
  refunding: { text: '退款中', color: 'blue' },
  refunded: { text: '已退款', color: 'green' },
  rejected: { text: '已驳回', color: 'default' },
};

/** What the action buttons of the refunds table do. */
export interface RefundActions {
  /** Opens the dialog that previews and carries out the next step: approve, confirm the goods received, or retry. */
  onReview: (refund: RefundDoc) => void;
  onReject: (refund: RefundDoc) => void;
}

/** What the member sent back, under a 退货退款's status. */
function returnText(refund: RefundDoc): string | null {
  if (refundKindOf(refund) !== 'returnAndRefund' || refund.status === 'requested' || refund.status === 'rejected') return null;
  const shipment = refund.returnShipment;
  if (shipment) return `${shipment.carrier ? `${shipment.carrier} ` : ''}${shipment.waybillNo}`;
  return refund.status === 'awaitingReturn' ? '会员未填写退货物流' : null;
}

/** The button of a refund's next step, or null when it has none. */
function nextStep(refund: RefundDoc): { className: string; text: string } | null {
  if (refund.status === 'requested')
    return { className: 'approve-button', text: refundKindOf(refund) === 'returnAndRefund' ? '同意退货' : '同意退款' };
  if (refund.status === 'awaitingReturn') return { className: 'confirm-return-button', text: '确认收货并退款' };
  if (refund.status === 'refunding') return { className: 'approve-button', text: '重试退款' };
  return null;
}

/**
 * Columns of the refunds table: numbers, kind, lines, amounts, status (with the return's
 * waybill), times, note, and the next step (同意退款/同意退货, 确认收货并退款, 重试退款) and 驳回 while a refund is open.
 */
export function refundColumns({ onReview, onReject }: RefundActions): TableColumnsType<RefundDoc> {
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
      title: '类型',
      key: 'kind',
      width: 96,
      render: (_, refund) => {
        const kind = refundKindOf(refund);
        return (
          <Tag className={`refund-kind refund-kind-${kind}`} color={kind === 'returnAndRefund' ? 'geekblue' : 'default'}>
            {REFUND_KIND_TEXT[kind]}
          </Tag>
        );
      },
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
      key: 'status',
      width: 150,
      render: (_, refund) => {
        const shipment = returnText(refund);
        return (
          <Flex vertical gap={4} align="flex-start">
            <Tag color={REFUND_STATUS[refund.status].color}>{REFUND_STATUS[refund.status].text}</Tag>
            {shipment ? (
              <Typography.Text className="refund-return-shipment" type="secondary">
                {shipment}
              </Typography.Text>
            ) : null}
            {refund.abnormal ? (
              <Typography.Text className="refund-abnormal" type="danger">
                <Tag color="red">退款异常</Tag>
                {refund.abnormal.reason}
              </Typography.Text>
            ) : refund.status === 'refunding' && refund.payBack ? (
              <Typography.Text className="refund-pay-back-failed" type="secondary">
                微信退款失败 {refund.payBack.failedAttempts} 次，系统自动重试中：{refund.payBack.lastError}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
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
      width: 210,
      fixed: 'end',
      render: (_, refund) => {
        const step = nextStep(refund);
        if (!step) return null;
        const rejectable = refund.status === 'requested' || refund.status === 'awaitingReturn';
        return (
          <Space wrap>
            <May action="approveRefund">
              <Button className={step.className} type="primary" size="small" onClick={() => onReview(refund)}>
                {step.text}
              </Button>
            </May>
            {rejectable ? (
              <May action="rejectRefund">
                <Button className="reject-button" danger size="small" onClick={() => onReject(refund)}>
                  驳回
                </Button>
              </May>
            ) : null}
          </Space>
        );
      },
    },
  ];
}
