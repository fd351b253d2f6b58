import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import type { Carrier, OrderDoc } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { CarrierSelect } from './carrier-select';
import { linesSummary } from './order-labels';

/** The server's rule for a tracking number (types/functions/admin-orders.ts), checked before sending. */
export const TRACKING_NO_PATTERN = /^[A-Za-z0-9-]{6,40}$/;

interface ShipValues {
  carrier: Carrier;
  trackingNo: string;
}

/** The rules of a tracking number field: given, and in the server's form. */
export const trackingNoRules = [
  { required: true, whitespace: true, message: '请输入运单号' },
  {
    validator: (_: unknown, value: string | undefined) =>
      !value?.trim() || TRACKING_NO_PATTERN.test(value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error('运单号为 6–40 位字母、数字或 -')),
  },
];

/** Inputs of the ship dialog. */
export interface ShipOrderModalProps {
  order: OrderDoc;
  onClose: () => void;
  onShipped: (order: OrderDoc) => void;
}

/** Asks for the carrier and tracking number of a paid delivery order and ships it. */
export function ShipOrderModal({ order, onClose, onShipped }: ShipOrderModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<ShipValues>();
  const { busy: submitting, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() =>
      client.call('shipOrder', { token, orderId: order._id, carrier: values.carrier, trackingNo: values.trackingNo.trim() }),
    );
    if (outcome.ok) onShipped(outcome.value);
  };

  const address = order.delivery.mode === 'delivery' ? order.delivery.address : null;

  return (
    <Modal
      open
      className="ship-order-modal"
      title={`发货 · 订单 ${order.orderNo}`}
      okText="确认发货"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'lines', label: '商品', children: linesSummary(order.lines) },
          ...(address
            ? [
                { key: 'to', label: '收货人', children: `${address.name} ${address.phone}` },
                { key: 'address', label: '地址', children: `${address.region} ${address.detail}` },
              ]
            : []),
        ]}
      />
      <Form<ShipValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="carrier" label="快递公司" rules={[{ required: true, message: '请选择快递公司' }]}>
          <CarrierSelect className="ship-carrier" />
        </Form.Item>
        <Form.Item name="trackingNo" label="运单号" rules={trackingNoRules}>
          <Input className="tracking-no" placeholder="例如 SF1234567890" maxLength={60} autoFocus />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
