import { Alert, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { formatPoints } from '~/core/money/format';
import type { AdjustmentResult } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';
import { ReasonField } from './reason-field';

interface AdjustValues {
  direction: 'add' | 'take';
  points: number;
  reason: string;
}

/** Inputs of the adjust dialog. */
export interface AdjustPointsModalProps {
  memberId: string;
  nickname: string;
  available: number;
  /** Adjustments of more points than this go to a second admin for approval. */
  threshold: number;
  onClose: () => void;
  onDone: (result: AdjustmentResult) => void;
}

/**
 * Adds or takes away points with a reason. Up to the threshold they are posted at once; above
 * it the request waits for another admin's approval, which the dialog says before sending.
 */
export function AdjustPointsModal({ memberId, nickname, available, threshold, onClose, onDone }: AdjustPointsModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<AdjustValues>();
  const [requestKey] = useState(newRequestKey);
  const { busy, error, run } = useAdminAction();
  const points = Form.useWatch('points', form) ?? 0;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const signed = values.direction === 'take' ? -values.points : values.points;
    const outcome = await run(() =>
      client.call('adjustPoints', { token, memberId, points: signed, reason: values.reason.trim(), requestKey }),
    );
    if (outcome.ok) onDone(outcome.value);
  };

  return (
    <Modal
      open
      className="adjust-points-modal"
      title={`调整积分 · ${nickname}`}
      okText={points > threshold ? '提交审批' : '确认调整'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        当前可用积分 {formatPoints(available)}。单次调整超过 {formatPoints(threshold)} 积分需另一位管理员审批后生效。
      </Typography.Paragraph>
      <Form<AdjustValues> form={form} layout="vertical" requiredMark={false} initialValues={{ direction: 'add' }}>
        <Form.Item name="direction" label="调整方向">
          <Radio.Group
            className="adjust-direction"
            optionType="button"
            options={[
              { value: 'add', label: '增加' },
              { value: 'take', label: '扣减' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="points"
          label="积分"
          rules={[
            { required: true, message: '请填写积分' },
            { type: 'integer', min: 1, max: 1_000_000, message: '积分为 1–1,000,000 的整数' },
          ]}
        >
          <InputNumber className="adjust-points-input" min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <ReasonField label="原因（会员可见）" className="adjust-reason" placeholder="例如：客服补偿" />
      </Form>
      {points > threshold ? (
        <Alert
          className="adjust-needs-approval"
          type="info"
          showIcon
          title="超过审批额度：提交后待另一位管理员审批，通过后积分才到账"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
