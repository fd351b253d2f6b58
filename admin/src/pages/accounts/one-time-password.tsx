import { Alert, Flex, Typography } from 'antd';

/** A one-time password, large and copyable, with what the owner does with it: it is shown this once. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <Flex vertical align="center" gap={8} className="one-time-password-result" style={{ padding: '8px 0' }}>
      <Typography.Text type="secondary">
        账号 <Typography.Text strong>{username}</Typography.Text> 的初始密码
      </Typography.Text>
      <Typography.Text
        className="one-time-password-box"
        copyable={{ text: password, tooltips: ['复制初始密码', '已复制'] }}
        strong
        style={{ fontSize: 30, letterSpacing: 2, fontFamily: "'SFMono-Regular', Consolas, 'Liberation Mono', Menlo, monospace" }}
      >
        <span className="one-time-password">{password}</span>
      </Typography.Text>
      <Alert
        type="warning"
        showIcon
        style={{ alignSelf: 'stretch', marginTop: 8 }}
        title="请把初始密码当面或通过安全渠道交给账号使用人"
        description="初始密码只显示这一次，关闭后无法再查看。对方首次登录时必须修改密码；如果遗失，可在列表中重置密码。"
      />
    </Flex>
  );
}
