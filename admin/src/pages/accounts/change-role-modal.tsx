import { Alert, Form, Modal, Typography } from 'antd';
import type { AdminAccountRow } from '~/types/functions/admin-accounts';
import type { StoreRow } from '~/types/functions/admin-staff';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { RoleFields, rolePayload } from './role-fields';
import type { RoleValues } from './role-fields';

/** Inputs of the role dialog. */
export interface ChangeRoleModalProps {
  account: AdminAccountRow;
  stores: readonly StoreRow[];
  storesLoading: boolean;
  onChanged: (account: AdminAccountRow) => void;
  onClose: () => void;
}

/** 更改角色: another role (and store) for an account; its sign-ins end so the next one carries the new role. */
export function ChangeRoleModal({ account, stores, storesLoading, onChanged, onClose }: ChangeRoleModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<RoleValues>();
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() => client.call('setAdminRole', { token, username: account.username, ...rolePayload(values) }));
    if (outcome.ok) onChanged(outcome.value);
  };

  return (
    <Modal
      open
      className="change-role-modal"
      title={`更改角色 · ${account.username}`}
      okText="确认更改"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<RoleValues>
        form={form}
        name="changeRole"
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: account.role, storeId: account.storeId ?? undefined }}
      >
        <RoleFields stores={stores} storesLoading={storesLoading} />
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        更改后，该账号当前的登录会全部退出，重新登录后按新角色使用。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
    </Modal>
  );
}
