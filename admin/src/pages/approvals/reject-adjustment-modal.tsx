import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ApprovalView } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { signedPoints } from '../members/member-labels';

interface RejectValues {
  note: string;
}

/** Inputs of the reject dialog. */
export interface RejectAdjustmentModalProps {
  approval: ApprovalView;
  onClose: () => void;
  onRejected: (approval: ApprovalView) => void;
}

/** Turns a points adjustment down with a note (2–100 characters); nothing is posted. */
export function RejectAdjustmentModal({ approval, onClose, onRejected }: RejectAdjustmentModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<RejectValues>();
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const { note } = await form.validateFields().catch(() => ({ note: null }));
    if (note === null) return;
    const outcome = await run(() => client.call('rejectAdjustment', { token, approvalId: approval.id, note: note.trim() }));
    if (outcome.ok) onRejected(outcome.value);
  };

  return (
    <Modal
      open
      className="reject-adjustment-modal"
      title="驳回积分调整"
      okText="驳回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        {approval.nickname}（{approval.memberNo}）{signedPoints(approval.points)} 积分，{approval.requestedBy} 申请：{approval.reason}
      </Typography.Paragraph>
      <Form<RejectValues> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="note"
          label="驳回说明"
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
          <Input.TextArea className="reject-adjustment-note" rows={3} maxLength={100} showCount placeholder="例如：核实后无需调整" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
