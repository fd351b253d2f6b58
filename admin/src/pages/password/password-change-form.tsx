import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import type { AdminSession } from '~/types/functions/admin';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

/** The server's minimum, long enough to resist guessing under the login throttle. */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Inputs of the password form. */
export interface PasswordChangeFormProps {
  /** What the password in use is called: 初始密码 for a one-time password, else 当前密码. */
  oldLabel: string;
  /** The new session: changing the password ended every session, this one included. */
  onChanged: (session: AdminSession) => void;
}

/** Current password, new password (at least 10 characters) twice; answers the fresh session the server opens. */
export function PasswordChangeForm({ oldLabel, onChanged }: PasswordChangeFormProps) {
  const { client, token } = useAdminApi();
  const { busy, error, setError, run } = useAdminAction();

  const submit = async ({ oldPassword, newPassword }: PasswordValues) => {
    const outcome = await run(() => client.call('changePassword', { token, oldPassword, newPassword }));
    if (outcome.ok) onChanged(outcome.value);
    // The server words a wrong password as it does at login; here only the password was asked for.
    else if (outcome.failure.code === 'INVALID_CREDENTIALS') setError(`${oldLabel}不正确`);
  };

  return (
    <Form<PasswordValues> className="password-change-form" layout="vertical" requiredMark={false} onFinish={submit}>
      <Form.Item
        name="oldPassword"
        label={oldLabel}
        rules={[
          { required: true, message: `请输入${oldLabel}` },
          { max: MAX_PASSWORD_LENGTH, message: `密码最多 ${MAX_PASSWORD_LENGTH} 个字符` },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={`至少 ${MIN_PASSWORD_LENGTH} 个字符，不要与其他网站共用`}
        dependencies={['oldPassword']}
        rules={[
          { required: true, message: '请输入新密码' },
          { min: MIN_PASSWORD_LENGTH, message: `新密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
          { max: MAX_PASSWORD_LENGTH, message: `新密码最多 ${MAX_PASSWORD_LENGTH} 个字符` },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value && value === getFieldValue('oldPassword')
                ? Promise.reject(new Error(`新密码不能与${oldLabel}相同`))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      {error ? <Alert className="password-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" className="password-submit" loading={busy} block>
          确认修改
        </Button>
      </Form.Item>
    </Form>
  );
}
