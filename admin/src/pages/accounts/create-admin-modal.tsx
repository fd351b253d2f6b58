import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import type { StoreRow } from '~/types/functions/admin-staff';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { OneTimePassword } from './one-time-password';
import { RoleFields, rolePayload } from './role-fields';
import type { RoleValues } from './role-fields';

/** The server's rule for usernames. */
const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

interface CreateValues extends RoleValues {
  username: string;
}

/** Inputs of the new-account dialog. */
export interface CreateAdminModalProps {
  stores: readonly StoreRow[];
  storesLoading: boolean;
  /** The account was created (the list refreshes); the dialog stays open to show its password. */
  onCreated: (account: AdminAccountsResponses['createAdmin']) => void;
  onClose: () => void;
}

/** 新建账号: username, role (and store for a store manager); then the one-time password, shown once. */
export function CreateAdminModal({ stores, storesLoading, onCreated, onClose }: CreateAdminModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<CreateValues>();
  const { busy, setBusy, error, run } = useAdminAction();
  const [created, setCreated] = useState<AdminAccountsResponses['createAdmin'] | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() => client.call('createAdmin', { token, username: values.username.trim(), ...rolePayload(values) }));
    if (!outcome.ok) return;
    setCreated(outcome.value);
    setBusy(false);
    onCreated(outcome.value);
  };

  return (
    <Modal
      open
      className="create-admin-modal"
      title={created ? '账号已创建' : '新建账号'}
      okText="创建账号"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      closable={created === null}
      keyboard={created === null}
      footer={
        created
          ? [
              <Button key="done" className="create-admin-done" type="primary" onClick={onClose}>
                我已交给对方
              </Button>,
            ]
          : undefined
      }
    >
      {created ? (
        <OneTimePassword username={created.username} password={created.oneTimePassword} />
      ) : (
        <Form<CreateValues> form={form} name="createAdmin" layout="vertical" requiredMark={false} initialValues={{ role: 'operator' }}>
          <Form.Item
            name="username"
            label="用户名"
            extra="登录时使用，创建后不能修改"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || USERNAME.test(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error('用户名为 3–32 位小写字母、数字或 _ . -，以字母开头')),
              },
            ]}
          >
            <Input className="new-admin-username" placeholder="例如 li.na" maxLength={32} autoComplete="off" />
          </Form.Item>
          <RoleFields stores={stores} storesLoading={storesLoading} />
        </Form>
      )}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
    </Modal>
  );
}
