import { LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import type { AdminSession } from '~/types/functions/admin';
import { useAdminSession } from '../../api/admin-api-context';
import { CenteredScreen } from '../../layout/centered-screen';
import { PRODUCT_NAME } from '../../product';
import { PasswordChangeForm } from './password-change-form';

/** Inputs of the forced password change. */
export interface ChangePasswordPageProps {
  onChanged: (session: AdminSession) => void;
  onLogout: () => void;
}

/** 修改初始密码: shown instead of the signed-in area while the account is on a one-time password. */
export function ChangePasswordPage({ onChanged, onLogout }: ChangePasswordPageProps) {
  const { admin } = useAdminSession();
  return (
    <CenteredScreen>
      <Card className="change-password-screen" style={{ width: 420, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Text type="secondary">{PRODUCT_NAME}</Typography.Text>
        <Typography.Title level={3} style={{ marginTop: 4 }}>
          修改初始密码
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          账号 <Typography.Text strong>{admin.username}</Typography.Text>{' '}
          正在使用管理员发给你的初始密码。请设置只有你知道的新密码，之后用新密码登录。
        </Typography.Paragraph>
        <PasswordChangeForm oldLabel="初始密码" onChanged={onChanged} />
        <Button type="link" block icon={<LogoutOutlined />} className="password-logout" onClick={onLogout} style={{ marginTop: 8 }}>
          退出登录
        </Button>
      </Card>
    </CenteredScreen>
  );
}
