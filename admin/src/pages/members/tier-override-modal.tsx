import { Alert, DatePicker, Form, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MemberDetail } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';
import { ReasonField } from './reason-field';
import { endOfShanghaiDay } from '../../format/format-time';

interface OverrideValues {
  tierId: string;
  kind: 'floor' | 'fixed';
  until: Dayjs;
  reason: string;
}

/** Inputs of the tier dialog. */
export interface TierOverrideModalProps {
  memberId: string;
  nickname: string;
  tier: MemberDetail['tier'];
  tiers: MemberDetail['tiers'];
  onClose: () => void;
  onDone: (tier: MemberDetail['tier']) => void;
}

/**
 * Sets the member's tier by hand until a date (through its whole day, Shanghai time): 保底 keeps
 * them at the tier or above, 固定 holds exactly that tier whatever they spend. Takes effect at once.
 */
export function TierOverrideModal({ memberId, nickname, tier, tiers, onClose, onDone }: TierOverrideModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<OverrideValues>();
  const [requestKey] = useState(newRequestKey);
  const { busy, error, run } = useAdminAction();
  const [presets] = useState(() => [
    { label: '30天', value: dayjs().add(30, 'day') },
    { label: '90天', value: dayjs().add(90, 'day') },
    { label: '半年', value: dayjs().add(6, 'month') },
    { label: '一年', value: dayjs().add(1, 'year') },
  ]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const until = endOfShanghaiDay(values.until.format('YYYY-MM-DD'));
    const outcome = await run(() =>
      client.call('setTierOverride', {
        token,
        memberId,
        tierId: values.tierId,
        kind: values.kind,
        until,
        reason: values.reason.trim(),
        requestKey,
      }),
    );
    if (outcome.ok) onDone(outcome.value);
  };

  return (
    <Modal
      open
      className="tier-override-modal"
      title={`调整等级 · ${nickname}`}
      okText="确认调整"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        当前等级 {tier.name}。保底：到期前不会降到该等级以下，消费仍可升级；固定：到期前保持该等级。到期后按消费重新定级。
      </Typography.Paragraph>
      <Form<OverrideValues> form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'floor', tierId: tier.id }}>
        <Form.Item name="tierId" label="等级" rules={[{ required: true, message: '请选择等级' }]}>
          <Select className="tier-override-tier" options={tiers.map((one) => ({ value: one.id, label: one.name }))} />
        </Form.Item>
        <Form.Item name="kind" label="方式">
          <Radio.Group
            className="tier-override-kind"
            optionType="button"
            options={[
              { value: 'floor', label: '保底' },
              { value: 'fixed', label: '固定' },
            ]}
          />
        </Form.Item>
        <Form.Item name="until" label="有效至（含当天）" rules={[{ required: true, message: '请选择结束日期' }]}>
          <DatePicker
            className="tier-override-until"
            format="YYYY-MM-DD"
            presets={presets}
            disabledDate={(day) => day.isBefore(dayjs(), 'day') || day.isAfter(dayjs().add(3, 'year'), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <ReasonField label="原因" className="tier-override-reason" placeholder="例如：大客户保级" />
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
