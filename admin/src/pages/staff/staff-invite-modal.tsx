import { Alert, Button, Flex, Form, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import type { StaffInviteView, StoreRow } from '~/types/functions/admin-staff';
import type { StaffRole } from '~/types/staff';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { formatDateTime } from '../../format/format-time';
import { STAFF_ROLE_TEXT } from './staff-columns';

interface InviteValues {
  storeId: string;
  role: StaffRole;
}

const ROLES: readonly StaffRole[] = ['cashier', 'manager'];

/** Inputs of the invite dialog. */
export interface StaffInviteModalProps {
  /** The stores an invite can be for: open ones only, since the server refuses a closed store. */
  stores: readonly StoreRow[];
  /** The store chosen at first, e.g. the one the page is showing. */
  initialStoreId: string | undefined;
  onClose: () => void;
}

/** The code of a new invite, large and copyable, with how long it lasts and what the employee does with it. */
function InviteResult({ invite }: { invite: StaffInviteView }) {
  return (
    <Flex vertical align="center" gap={8} className="staff-invite-result" style={{ padding: '8px 0' }}>
      <Typography.Text type="secondary">
        {invite.storeName} · {STAFF_ROLE_TEXT[invite.role]}
      </Typography.Text>
      <Typography.Text
        className="invite-code-box"
        copyable={{ text: invite.code, tooltips: ['复制邀请码', '已复制'] }}
        strong
        style={{ fontSize: 36, letterSpacing: 6, fontFamily: "'SFMono-Regular', Consolas, 'Liberation Mono', Menlo, monospace" }}
      >
        <span className="invite-code">{invite.code}</span>
      </Typography.Text>
      <Typography.Text className="invite-expiry">24小时内有效，仅可使用一次（有效期至 {formatDateTime(invite.expiresAt)}）</Typography.Text>
      <Alert
        type="info"
        showIcon
        style={{ alignSelf: 'stretch', marginTop: 8 }}
        title="把邀请码交给店员"
        description="在小程序「我的资料」页底部点「店员入口」，输入邀请码"
      />
    </Flex>
  );
}

/** 生成邀请码: choose the store and the role, then show the one-time code the employee enters in the mini-program. */
export function StaffInviteModal({ stores, initialStoreId, onClose }: StaffInviteModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<InviteValues>();
  const { busy: submitting, setBusy, error, run } = useAdminAction();
  const [invite, setInvite] = useState<StaffInviteView | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() => client.call('createStaffInvite', { token, storeId: values.storeId, role: values.role }));
    if (!outcome.ok) return;
    setInvite(outcome.value);
    // The dialog stays open to show the code.
    setBusy(false);
  };

  const onlyStore = stores.length === 1 ? stores[0]?.storeId : undefined;
  const storeId = stores.some((store) => store.storeId === initialStoreId) ? initialStoreId : onlyStore;

  return (
    <Modal
      open
      className="staff-invite-modal"
      title="生成店员邀请码"
      okText="确认生成"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        invite
          ? [
              <Button key="another" className="invite-another" onClick={() => setInvite(null)}>
                再生成一个
              </Button>,
              <Button key="done" className="invite-done" type="primary" onClick={onClose}>
                完成
              </Button>,
            ]
          : undefined
      }
    >
      {invite ? (
        <InviteResult invite={invite} />
      ) : (
        <Form<InviteValues> form={form} layout="vertical" requiredMark={false} initialValues={{ storeId, role: 'cashier' }}>
          <Form.Item name="storeId" label="门店" rules={[{ required: true, message: '请选择门店' }]}>
            <Select
              className="invite-store"
              placeholder="选择店员所在的门店"
              showSearch={{ optionFilterProp: 'label' }}
              options={stores.map((store) => ({ value: store.storeId, label: store.name }))}
            />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Radio.Group
              className="invite-role"
              optionType="button"
              options={ROLES.map((role) => ({ value: role, label: STAFF_ROLE_TEXT[role] }))}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            收银员可扫会员码记录消费、核销优惠券、交付兑换礼品；店长还可撤销当天的消费记录。
          </Typography.Paragraph>
        </Form>
      )}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
    </Modal>
  );
}
