import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ProgrammeVersionView } from '~/types/functions/admin-programme';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';
import { formatDateTime } from '../../format/format-time';
import type { EffectiveTimeValues } from './effective-time';
import { EFFECTIVE_TIME_DEFAULTS, EffectiveTimeFields, effectiveAtOf } from './effective-time';

/** Brings a past version's rules back as a new version, at once or at a chosen time. */
export function RestoreVersionModal({
  version,
  onClose,
  onDone,
}: {
  version: ProgrammeVersionView;
  onClose: () => void;
  onDone: (restored: ProgrammeVersionView) => void;
}) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<EffectiveTimeValues>();
  const [requestKey] = useState(newRequestKey);
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() =>
      client.call('restoreProgrammeVersion', {
        token,
        version: version.version,
        effectiveAt: effectiveAtOf(values),
        note: values.note.trim(),
        requestKey,
      }),
    );
    if (outcome.ok) onDone(outcome.value);
  };

  return (
    <Modal
      open
      className="programme-restore-modal"
      title={`恢复第${version.version}版`}
      okText="恢复为新版本"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        将第{version.version}版（{version.effectiveAt === 0 ? '最初的规则' : `${formatDateTime(version.effectiveAt)} 生效`}
        ）的全部规则发布为一个新版本；历史版本保持不变，已发放的积分和订单不受影响。
      </Typography.Paragraph>
      <Form<EffectiveTimeValues> form={form} layout="vertical" requiredMark={false} initialValues={EFFECTIVE_TIME_DEFAULTS}>
        <EffectiveTimeFields />
        <Form.Item name="note" label="说明">
          <Input className="programme-restore-note" maxLength={200} placeholder={`恢复第${version.version}版`} />
        </Form.Item>
      </Form>
      {error ? <Alert className="programme-restore-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
