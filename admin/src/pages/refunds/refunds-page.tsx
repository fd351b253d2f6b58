import { Card, Segmented, message } from 'antd';
import { useCallback, useState } from 'react';
import { formatFen } from '~/core/money/format';
import type { RefundDoc, RefundStatus } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { ApproveRefundModal } from './approve-refund-modal';
import { REFUND_STATUS, refundColumns } from './refund-columns';
import { RejectRefundModal } from './reject-refund-modal';
import { ActionError } from '../../components/action-error';

/** Rows per page; the server accepts 1–100. */
export const REFUNDS_PAGE_SIZE = 20;

type RefundFilter = RefundStatus | 'all';

const FILTERS: readonly RefundFilter[] = ['requested', 'awaitingReturn', 'refunding', 'refunded', 'rejected', 'all'];
const filterOptions = FILTERS.map((value) => ({ value, label: value === 'all' ? '全部' : REFUND_STATUS[value].text }));

/**
 * Refund requests, newest first, pending review by default: approve after seeing what it pays
 * back now (仅退款: WeChat Pay refunds it; 退货退款: the member sends the goods back, and
 * 确认收货并退款 pays it), or reject with a note.
 */
export function RefundsPage() {
  const { client, token } = useAdminApi();
  const [rejecting, setRejecting] = useState<RefundDoc | null>(null);
  const [reviewing, setReviewing] = useState<RefundDoc | null>(null);
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

  const columns = refundColumns({
    onReview: (refund) => {
      setActionError(null);
      setReviewing(refund);
    },
    onReject: setRejecting,
  });
  const filterText = pages.filter === 'all' ? '' : REFUND_STATUS[pages.filter].text;

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
        <ActionError className="refund-action-error" message={actionError} onClose={() => setActionError(null)} />
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
      {reviewing ? (
        <ApproveRefundModal
          refund={reviewing}
          onClose={() => setReviewing(null)}
          onDone={(refund) => {
            setReviewing(null);
            notice.success(
              refund.status === 'awaitingReturn'
                ? `已同意退货 ${refund.refundNo}，等待会员寄回商品`
                : `退款 ${refund.refundNo} 已完成，退回 ${formatFen(refund.amountFen)}`,
            );
            reload();
          }}
          onFailed={(message, code) => {
            // A refund cut short by WeChat Pay has already left 待审核; say where to find it again.
            const moved = code === 'PAYMENT_FAILED' && reviewing.status !== 'refunding' ? '（该申请已转入「退款中」）' : '';
            setReviewing(null);
            setActionError(`退款 ${reviewing.refundNo} 未完成：${message}${moved}`);
            reload();
          }}
        />
      ) : null}
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
