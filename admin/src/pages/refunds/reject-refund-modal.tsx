import { Alert, Form, Input, Modal, Typography } from 'antd';
import { formatFen } from '~/core/money/format';
import type { RefundDoc } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

interface RejectValues {
  note: string;
}

/** Inputs of the reject dialog. */
export interface RejectRefundModalProps {
  refund: RefundDoc;
  onClose: () => void;
  onRejected: (refund: RefundDoc) => void;
}

/** Turns a refund request down with a note (2–100 characters) that the member sees. */
export function RejectRefundModal({ refund, onClose, onRejected }: RejectRefundModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<RejectValues>();
  const { busy: submitting, error, run } = useAdminAction();

  const submit = async () => {
    const { note } = await form.validateFields().catch(() => ({ note: null }));
    if (note === null) return;
    const outcome = await run(() => client.call('rejectRefund', { token, refundId: refund._id, note: note.trim() }));
    if (outcome.ok) onRejected(outcome.value);
  };

  return (
    <Modal
      open
      className="reject-refund-modal"
      title={`驳回退款 · ${refund.refundNo}`}
      okText="驳回申请"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={submitting}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        订单 {refund.orderNo} 申请退款 {formatFen(refund.amountFen)}，原因：{refund.reason}
      </Typography.Paragraph>
      <Form<RejectValues> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="note"
          label="驳回说明（会员可见）"
          rules={[
            { required: true, whitespace: true, message: '请填写驳回说明' },
            {
              validator: (_, value: string | undefined) => {
                const length = value?.trim().length ?? 0;
                return length === 0 || (length >= 2 && length <= 100)
                  ? Promise.resolve()
                  : Promise.reject(new Error('驳回说明为 2–100 个字'));
              },
            },
          ]}
        >
          <Input.TextArea className="reject-note" rows={3} maxLength={100} showCount placeholder="例如：商品已使用，不符合退款条件" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
