import { Alert, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { formatFen } from '~/core/money/format';
import type { OrderDoc } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { formatDateTime } from '../../format/format-time';
import { linesSummary } from './order-labels';

const PICKUP_CODE = /^[0-9]{6}$/;

/** Inputs of the pickup write-off box. */
export interface PickupWriteOffProps {
  /** Called with the order a code completed, so the list can refresh. */
  onCompleted: (order: OrderDoc) => void;
}

/** 核销提货码: staff type the code a member shows and the paid pickup order is handed over. */
export function PickupWriteOff({ onCompleted }: PickupWriteOffProps) {
  const { client, token } = useAdminApi();
  const [code, setCode] = useState('');
  const { busy: submitting, setBusy, error, setError, run } = useAdminAction();
  const [completed, setCompleted] = useState<OrderDoc | null>(null);

  const submit = async (value: string) => {
    const pickupCode = value.trim();
    setCompleted(null);
    if (!PICKUP_CODE.test(pickupCode)) {
      setError('请输入 6 位数字提货码');
      return;
    }
    const outcome = await run(() => client.call('completePickup', { token, pickupCode }));
    if (!outcome.ok) return;
    setCompleted(outcome.value);
    setCode('');
    onCompleted(outcome.value);
    // The box stays for the next code.
    setBusy(false);
  };

  return (
    <Card size="small" title="核销提货码" className="pickup-write-off" style={{ marginBottom: 16 }}>
      <Input.Search
        className="pickup-code"
        placeholder="输入会员出示的 6 位提货码"
        inputMode="numeric"
        maxLength={6}
        value={code}
        onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
        onSearch={submit}
        enterButton="核销"
        loading={submitting}
        style={{ width: 360, maxWidth: '100%' }}
      />
      {error ? <Alert className="pickup-error" type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {completed ? (
        <Alert
          className="pickup-done"
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={`已核销：订单 ${completed.orderNo}`}
          description={
            <Typography.Text>
              {completed.delivery.mode === 'pickup' ? `${completed.delivery.storeName} · ` : ''}
              {linesSummary(completed.lines)} · 实付 {formatFen(completed.payableFen)}
              {completed.completedAt !== null ? ` · 提货时间 ${formatDateTime(completed.completedAt)}` : ''}
            </Typography.Text>
          }
        />
      ) : null}
    </Card>
  );
}
