import { Alert, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { AdminRewardRow } from '~/types/functions/admin-rewards';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';
import { REWARD_LIMITS } from './reward-form-values';

interface StockValues {
  direction: 'add' | 'remove';
  amount: number | null;
}

/** Inputs of the stock dialog. */
export interface RewardStockModalProps {
  reward: AdminRewardRow;
  onClose: () => void;
  onSaved: (reward: AdminRewardRow) => void;
}

/**
 * 库存: adds stock or takes it away by a number, never sets it, so units members redeem while the
 * dialog is open are not put back. One request key per opening: a retry changes the stock once.
 */
export function RewardStockModal({ reward, onClose, onSaved }: RewardStockModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<StockValues>();
  const [requestKey] = useState(newRequestKey);
  const { busy, error, run } = useAdminAction();
  const direction = Form.useWatch('direction', form) ?? 'add';

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null || values.amount === null) return;
    const delta = values.direction === 'add' ? values.amount : -values.amount;
    const outcome = await run(() => client.call('changeRewardStock', { token, rewardId: reward._id, delta, requestKey }));
    if (outcome.ok) onSaved(outcome.value.reward);
  };

  return (
    <Modal
      open
      className="reward-stock-modal"
      title={`库存 · ${reward.title}`}
      okText="确认"
      okButtonProps={{ className: 'reward-stock-submit', loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>
        当前剩余 <Typography.Text strong>{reward.stockRemaining}</Typography.Text> 件，共 {reward.totalStock} 件，已兑出{' '}
        {reward.redeemedCount} 件。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        按数量增减（不是改成某个数），兑换中的会员不受影响；减少不能超过剩余库存。
      </Typography.Paragraph>
      {error ? <Alert className="reward-stock-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<StockValues> form={form} layout="vertical" requiredMark={false} initialValues={{ direction: 'add', amount: null }}>
        <Form.Item name="direction">
          <Radio.Group
            className="reward-stock-direction"
            optionType="button"
            options={[
              { value: 'add', label: '增加' },
              { value: 'remove', label: '减少' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={direction === 'add' ? '增加数量' : '减少数量'}
          dependencies={['direction']}
          rules={[
            { required: true, message: '请输入数量' },
            ({ getFieldValue }) => ({
              validator: (_rule, value: number | null) =>
                getFieldValue('direction') === 'remove' && value !== null && value > reward.stockRemaining
                  ? Promise.reject(new Error(`最多可减少 ${reward.stockRemaining} 件`))
                  : Promise.resolve(),
            }),
          ]}
        >
          <InputNumber<number> className="reward-stock-amount" min={1} max={REWARD_LIMITS.stock} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
