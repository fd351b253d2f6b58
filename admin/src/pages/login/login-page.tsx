import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import { useAdminClient } from '../../api/admin-api-context';
import { AdminApiError } from '../../api/client';
import { describeError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { CenteredScreen } from '../../layout/centered-screen';
import { PRODUCT_NAME } from '../../product';

/** At sign-in the server refuses with FORBIDDEN only an account an owner has disabled. */
function describeLoginError(error: unknown): string {
  if (error instanceof AdminApiError && error.code === 'FORBIDDEN') return '该账号已停用，如需恢复请联系品牌所有者';
  return describeError(error);
}

interface LoginValues {
  username: string;
  password: string;
}

/** Inputs of the login screen. */
export interface LoginPageProps {
  onLogin: (session: AdminSession) => void;
  /** Why the admin is here again, e.g. an expired session. */
  notice?: string | null;
}

/** The sign-in screen: a centred card with username and password. */
export function LoginPage({ onLogin, notice }: LoginPageProps) {
  const client = useAdminClient();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ username, password }: LoginValues) => {
    setSubmitting(true);
    setError(null);
    const outcome = await outcomeOf(() => client.call('login', { username: username.trim(), password }), describeLoginError);
    setSubmitting(false);
    if (outcome.ok) onLogin(outcome.value);
    else setError(outcome.failure.message);
  };

  return (
    <CenteredScreen>
      <Card style={{ width: 380, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, marginBottom: 4 }}>
          {PRODUCT_NAME}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          品牌管理员登录
        </Typography.Paragraph>
        {notice && !error ? <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { max: 64, message: '用户名最多 64 个字符' },
            ]}
          >
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label="密码"
            rules={[
              { required: true, message: '请输入密码' },
              { max: 256, message: '密码最多 256 个字符' },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" size="large" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" className="login-submit" loading={submitting} block size="large">
              登录
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </CenteredScreen>
  );
}
