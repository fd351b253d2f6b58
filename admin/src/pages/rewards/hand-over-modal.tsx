import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import type { AdminRedemptionRow } from '~/types/functions/admin-rewards';
import type { StoreRow } from '~/types/functions/admin-staff';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

interface HandOverValues {
  pickupCode: string;
  storeId: string;
}

/** Inputs of the hand-over dialog. */
export interface HandOverModalProps {
  redemption: AdminRedemptionRow;
  /** Open stores the reward can be handed over at. */
  stores: readonly StoreRow[];
  onClose: () => void;
  onDone: (redemption: AdminRedemptionRow) => void;
}

/** 到店交付: the pickup code the member shows and the store handing over; the code must be this redemption's. */
export function HandOverModal({ redemption, stores, onClose, onDone }: HandOverModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<HandOverValues>();
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() =>
      client.call('handOverRedemption', {
        token,
        redemptionId: redemption._id,
        pickupCode: values.pickupCode.trim(),
        storeId: values.storeId,
      }),
    );
    if (outcome.ok) onDone(outcome.value);
  };

  return (
    <Modal
      open
      className="hand-over-modal"
      title={`到店交付 · ${redemption.title}`}
      okText="确认交付"
      okButtonProps={{ className: 'hand-over-submit', loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        请会员出示提货码，核对后交付礼品{redemption.cashFen > 0 ? '，并收取到店支付的现金部分' : ''}。
      </Typography.Paragraph>
      {error ? <Alert className="hand-over-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<HandOverValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={stores.length === 1 ? { storeId: stores[0]?.storeId } : {}}
      >
        <Form.Item
          name="pickupCode"
          label="提货码"
          rules={[
            { required: true, whitespace: true, message: '请输入会员出示的提货码' },
            { pattern: /^\s*[0-9]{8}\s*$/, message: '提货码为 8 位数字' },
          ]}
        >
          <Input className="hand-over-code" inputMode="numeric" maxLength={8} placeholder="8 位数字" />
        </Form.Item>
        <Form.Item name="storeId" label="交付门店" rules={[{ required: true, message: '请选择交付门店' }]}>
          <Select
            className="hand-over-store"
            placeholder={stores.length === 0 ? '没有营业中的门店' : '选择门店'}
            options={stores.map((store) => ({ value: store.storeId, label: store.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
