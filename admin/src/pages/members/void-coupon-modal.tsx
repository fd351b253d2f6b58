import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { CouponRow } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

interface VoidValues {
  reason: string;
}

/** Inputs of the void dialog. */
export interface VoidCouponModalProps {
  coupon: CouponRow;
  onClose: () => void;
  onDone: () => void;
}

/** Voids a member's unused coupon with a reason; voiding it again changes nothing. */
export function VoidCouponModal({ coupon, onClose, onDone }: VoidCouponModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<VoidValues>();
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() => client.call('voidCoupon', { token, instanceId: coupon.id, reason: values.reason.trim() }));
    if (outcome.ok) onDone();
  };

  return (
    <Modal
      open
      className="void-coupon-modal"
      title={`作废优惠券 · ${coupon.title}`}
      okText="作废"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">作废后会员不能再使用这张券，此操作不可撤销。</Typography.Paragraph>
      <Form<VoidValues> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label="作废原因"
          rules={[
            { required: true, whitespace: true, message: '请填写作废原因' },
            { max: 100, message: '原因最多 100 个字' },
          ]}
        >
          <Input className="void-reason" maxLength={100} placeholder="例如：发放错误" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
