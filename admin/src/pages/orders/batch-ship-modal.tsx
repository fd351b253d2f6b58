import { Alert, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { AdminOrderRow, ShipOutcome } from '~/types/functions/admin-orders';
import type { Carrier } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { CarrierSelect } from './carrier-select';
import { linesSummary } from './order-labels';
import { TRACKING_NO_PATTERN } from './ship-order-modal';

/** Inputs of the batch ship dialog. */
export interface BatchShipModalProps {
  /** The paid delivery orders chosen in the list. */
  orders: AdminOrderRow[];
  /** Called when the dialog closes, with how many orders it shipped. */
  onClose: (shipped: number) => void;
}

/** Why a tracking number cannot be sent, or null. */
function trackingProblem(value: string | undefined, others: string[]): string | null {
  const trackingNo = value?.trim() ?? '';
  if (!trackingNo) return '请输入运单号';
  if (!TRACKING_NO_PATTERN.test(trackingNo)) return '运单号为 6–40 位字母、数字或 -';
  if (others.includes(trackingNo)) return '运单号重复';
  return null;
}

/**
 * 批量发货: one carrier for the chosen orders and a tracking number each. Each order ships on its
 * own: the dialog shows which shipped and why others did not, and sends only those again.
 */
export function BatchShipModal({ orders, onClose }: BatchShipModalProps) {
  const { client, token } = useAdminApi();
  const { busy, setBusy, error, run } = useAdminAction();
  const [carrier, setCarrier] = useState<Carrier | undefined>();
  const [carrierMissing, setCarrierMissing] = useState(false);
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [results, setResults] = useState<Record<string, ShipOutcome>>({});

  const pending = orders.filter((order) => !results[order._id]?.ok);
  const shipped = orders.length - pending.length;

  const submit = async () => {
    const found: Record<string, string> = {};
    pending.forEach((order, index) => {
      const others = pending.filter((_, i) => i !== index).map((other) => numbers[other._id]?.trim() ?? '');
      const problem = trackingProblem(numbers[order._id], others);
      if (problem) found[order._id] = problem;
    });
    setProblems(found);
    setCarrierMissing(carrier === undefined);
    if (carrier === undefined || Object.keys(found).length > 0) return;
    const items = pending.map((order) => ({ orderId: order._id, trackingNo: (numbers[order._id] ?? '').trim() }));
    const outcome = await run(() => client.call('shipOrders', { token, carrier, items }));
    if (!outcome.ok) return;
    const next = { ...results };
    for (const result of outcome.value.results) next[result.orderId] = result;
    setResults(next);
    const done = orders.filter((order) => next[order._id]?.ok).length;
    if (done === orders.length) onClose(done);
    else setBusy(false);
  };

  const columns: TableColumnsType<AdminOrderRow> = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 190 },
    {
      title: '收货人',
      key: 'to',
      width: 150,
      render: (_, order) =>
        order.delivery.mode === 'delivery' ? `${order.delivery.address.name} ${order.delivery.address.phone}` : order.delivery.storeName,
    },
    { title: '商品', key: 'lines', ellipsis: true, render: (_, order) => linesSummary(order.lines) },
    {
      title: '运单号',
      key: 'trackingNo',
      width: 230,
      render: (_, order) => {
        const result = results[order._id];
        if (result?.ok) return <Tag color="green">已发货</Tag>;
        const problem = problems[order._id] ?? (result && !result.ok ? result.error.message : null);
        return (
          <>
            <Input
              className="batch-tracking-no"
              data-order-no={order.orderNo}
              placeholder="例如 SF1234567890"
              maxLength={60}
              status={problem ? 'error' : undefined}
              value={numbers[order._id] ?? ''}
              onChange={(event) => setNumbers((current) => ({ ...current, [order._id]: event.target.value }))}
            />
            {problem ? (
              <Typography.Text className="batch-ship-problem" type="danger">
                {problem}
              </Typography.Text>
            ) : null}
          </>
        );
      },
    },
  ];

  const failed = Object.values(results).filter((result) => !result.ok).length;

  return (
    <Modal
      open
      className="batch-ship-modal"
      title={`批量发货 · ${orders.length} 单`}
      okText={shipped > 0 ? `发货其余 ${pending.length} 单` : `确认发货 ${orders.length} 单`}
      cancelText="关闭"
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => onClose(shipped)}
      mask={{ closable: false }}
      width={860}
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item
          label="快递公司"
          validateStatus={carrierMissing ? 'error' : undefined}
          help={carrierMissing ? '请选择快递公司' : undefined}
        >
          <CarrierSelect
            className="batch-ship-carrier"
            value={carrier}
            onChange={(value) => {
              setCarrier(value);
              setCarrierMissing(false);
            }}
          />
        </Form.Item>
      </Form>
      {failed > 0 ? (
        <Alert
          className="batch-ship-summary"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已发货 ${shipped} 单，${failed} 单未发货`}
          description="未发货的订单原因见下表，修改后可再次发货"
        />
      ) : null}
      <Table<AdminOrderRow>
        className="batch-ship-orders"
        size="small"
        rowKey="_id"
        columns={columns}
        dataSource={orders}
        pagination={false}
        rowClassName={() => 'batch-ship-row'}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
