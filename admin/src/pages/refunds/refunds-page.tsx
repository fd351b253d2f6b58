import { Alert, Button, Card, Flex, Popconfirm, Segmented, Space, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { formatFen, formatPoints } from '~/core/money/format';
import type { RefundDoc, RefundStatus } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { AdminApiError } from '../../api/client';
import { describeActionError, sessionLostMessage } from '../../api/error-messages';
import { CursorTable } from '../../components/cursor-table';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { RejectRefundModal } from './reject-refund-modal';

/** Rows per page; the server accepts 1–100. */
export const REFUNDS_PAGE_SIZE = 20;

type RefundFilter = RefundStatus | 'all';

const STATUS: Record<RefundStatus, { text: string; color: string }> = {
  requested: { text: '待审核', color: 'orange' },
  refunding: { text: '退款中', color: 'blue' },
  refunded: { text: '已退款', color: 'green' },
  rejected: { text: '已驳回', color: 'default' },
};

const FILTERS: readonly RefundFilter[] = ['requested', 'refunding', 'refunded', 'rejected', 'all'];
const filterOptions = FILTERS.map((value) => ({ value, label: value === 'all' ? '全部' : STATUS[value].text }));

/** Refund requests, newest first, pending review by default: approve (WeChat Pay refunds the amount) or reject with a note. */
export function RefundsPage() {
  const { client, token, onSessionLost } = useAdminApi();
  const [rejecting, setRejecting] = useState<RefundDoc | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const load = useCallback<LoadCursorPage<RefundDoc, RefundFilter>>(
    (status, cursor, signal) =>
      client.call(
        'listRefunds',
        { token, pageSize: REFUNDS_PAGE_SIZE, ...(status === 'all' ? {} : { status }), ...(cursor ? { cursor } : {}) },
        { signal },
      ),
    [client, token],
  );
  const pages = useCursorPages(load, 'requested');
  const { reload } = pages;

  const approve = async (refund: RefundDoc) => {
    setBusyId(refund._id);
    setActionError(null);
    try {
      const done = await client.call('approveRefund', { token, refundId: refund._id });
      notice.success(`退款 ${done.refundNo} 已完成，退回 ${formatFen(done.amountFen)}`);
    } catch (cause) {
      const lost = sessionLostMessage(cause);
      if (lost !== null) {
        onSessionLost(lost);
        return;
      }
      // A refund cut short by WeChat Pay has already left 待审核; say where to find it again.
      const moved = cause instanceof AdminApiError && cause.code === 'PAYMENT_FAILED' ? '（该申请已转入「退款中」）' : '';
      setActionError(`退款 ${refund.refundNo} 未完成：${describeActionError(cause)}${moved}`);
    }
    setBusyId(null);
    reload();
  };

  const columns: TableColumnsType<RefundDoc> = [
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
      render: (status: RefundStatus) => <Tag color={STATUS[status].color}>{STATUS[status].text}</Tag>,
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
            <Popconfirm
              title={retry ? `重新发起退款 ${formatFen(refund.amountFen)}？` : `同意退款 ${formatFen(refund.amountFen)}？`}
              description={`原路退回 ${formatFen(refund.amountFen)}，退回 ${formatPoints(refund.pointsReturned)} 积分`}
              okText={retry ? '重试退款' : '同意退款'}
              cancelText="再想想"
              onConfirm={() => approve(refund)}
            >
              <Button className="approve-button" type="primary" size="small" loading={busyId === refund._id} disabled={busyId !== null}>
                {retry ? '重试退款' : '同意退款'}
              </Button>
            </Popconfirm>
            {retry ? null : (
              <Button className="reject-button" danger size="small" disabled={busyId !== null} onClick={() => setRejecting(refund)}>
                驳回
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const filterText = pages.filter === 'all' ? '' : STATUS[pages.filter].text;

  return (
    <>
      {noticeHolder}
      <Card title="退款">
        <Segmented<RefundFilter>
          className="refunds-status-filter"
          options={filterOptions}
          value={pages.filter}
          onChange={(filter) => {
            setActionError(null);
            pages.applyFilter(filter);
          }}
          style={{ marginBottom: 16 }}
        />
        {actionError ? (
          <Alert
            className="refund-action-error"
            type="error"
            showIcon
            closable={{ onClose: () => setActionError(null) }}
            title={actionError}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <CursorTable<RefundDoc>
          pages={pages}
          classPrefix="refunds"
          errorTitle="退款列表加载失败"
          emptyText={filterText ? `没有${filterText}的退款` : '还没有退款申请'}
          rowKey="_id"
          columns={columns}
          scrollX={1300}
        />
      </Card>
      {rejecting ? (
        <RejectRefundModal
          refund={rejecting}
          onClose={() => setRejecting(null)}
          onRejected={(refund) => {
            setRejecting(null);
            notice.success(`退款 ${refund.refundNo} 已驳回`);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
