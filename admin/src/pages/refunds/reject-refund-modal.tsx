import { formatFen } from '~/core/money/format';
import type { RefundDoc } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { ReasonModal } from '../../components/reason-modal';

/** Inputs of the reject dialog. */
export interface RejectRefundModalProps {
  refund: RefundDoc;
  onClose: () => void;
  onRejected: (refund: RefundDoc) => void;
}

/** Turns a refund request down with a note (2–100 characters) that the member sees. */
export function RejectRefundModal({ refund, onClose, onRejected }: RejectRefundModalProps) {
  const { client, token } = useAdminApi();
  return (
    <ReasonModal<RefundDoc>
      className="reject-refund-modal"
      inputClassName="reject-note"
      title={`驳回退款 · ${refund.refundNo}`}
      okText="驳回申请"
      summary={`订单 ${refund.orderNo} 申请退款 ${formatFen(refund.amountFen)}，原因：${refund.reason}`}
      noun="驳回说明"
      labelNote="会员可见"
      placeholder="例如：商品已使用，不符合退款条件"
      send={(note) => client.call('rejectRefund', { token, refundId: refund._id, note })}
      onClose={onClose}
      onDone={onRejected}
    />
  );
}
