import { Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AdminRole } from '~/types/documents';
import type { AdminAccountRow } from '~/types/functions/admin-accounts';
import { ADMIN_ROLE_TEXT } from '../../format/admin-roles';
import { formatDateTime } from '../../format/format-time';

/** An account's status, with its tag colour. */
export const ACCOUNT_STATUS: Record<AdminAccountRow['status'], { text: string; color: string }> = {
  active: { text: '正常', color: 'green' },
  disabled: { text: '已停用', color: 'default' },
};

/** An account change under way. */
export interface AccountBusy {
  username: string;
  what: 'status' | 'reset';
}

/** What the account table shows and what its buttons do. */
export interface AccountActions {
  /** The signed-in owner: their own row has no buttons. */
  me: string;
  storeName: (storeId: string) => string;
  /** The account being changed and how; every action waits until it is done. */
  busy: AccountBusy | null;
  onSetStatus: (account: AdminAccountRow, status: AdminAccountRow['status']) => Promise<void>;
  onChangeRole: (account: AdminAccountRow) => void;
  onResetPassword: (account: AdminAccountRow) => Promise<void>;
}

/** Columns of the accounts table: username, role, store, status, last sign-in, and 更改角色/重置密码/停用 or 启用. */
export function accountColumns({
  me,
  storeName,
  busy,
  onSetStatus,
  onChangeRole,
  onResetPassword,
}: AccountActions): TableColumnsType<AdminAccountRow> {
  const waiting = busy !== null;
  const loading = (account: AdminAccountRow, what: AccountBusy['what']) => busy?.username === account.username && busy.what === what;
  return [
    {
      title: '用户名',
      dataIndex: 'username',
      key: 'username',
      render: (username: string) => (
        <Space size="small">
          <span className="account-username">{username}</span>
          {username === me ? <Tag color="blue">我</Tag> : null}
        </Space>
      ),
    },
    {
      title: '角色',
      dataIndex: 'role',
      key: 'role',
      width: 110,
      render: (role: AdminRole) => <Tag>{ADMIN_ROLE_TEXT[role]}</Tag>,
    },
    {
      title: '门店',
      key: 'store',
      width: 180,
      ellipsis: true,
      render: (_, account) => (account.role === 'storeManager' && account.storeId !== null ? storeName(account.storeId) : '—'),
    },
    {
      title: '状态',
      key: 'status',
      width: 190,
      render: (_, account) => (
        <Space size={[0, 4]} wrap>
          <Tag color={ACCOUNT_STATUS[account.status].color}>{ACCOUNT_STATUS[account.status].text}</Tag>
          {account.mustChangePassword ? <Tag color="orange">待修改初始密码</Tag> : null}
        </Space>
      ),
    },
    {
      title: '最近登录',
      key: 'lastLoginAt',
      width: 210,
      render: (_, account) => (
        <Flex vertical>
          {account.lastLoginAt === null ? (
            <Typography.Text type="secondary">从未登录</Typography.Text>
          ) : (
            formatDateTime(account.lastLoginAt)
          )}
          <Typography.Text type="secondary">创建于 {formatDateTime(account.createdAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      fixed: 'end',
      render: (_, account) => {
        if (account.username === me) return <Typography.Text type="secondary">当前登录的账号</Typography.Text>;
        const disabling = account.status === 'active';
        return (
          <Space size={0} wrap>
            <Button className="account-role-button" type="link" size="small" disabled={waiting} onClick={() => onChangeRole(account)}>
              更改角色
            </Button>
            <Popconfirm
              title={`重置「${account.username}」的密码？`}
              description="将生成新的初始密码，该账号当前的登录会全部退出，须用新密码登录并修改"
              okText="确认重置"
              cancelText="再想想"
              onConfirm={() => onResetPassword(account)}
            >
              <Button className="account-reset-button" type="link" size="small" disabled={waiting} loading={loading(account, 'reset')}>
                重置密码
              </Button>
            </Popconfirm>
            <Popconfirm
              title={disabling ? `停用账号「${account.username}」？` : `启用账号「${account.username}」？`}
              description={disabling ? '停用后该账号立即退出登录，且不能再登录；可随时重新启用' : '启用后该账号可以重新登录'}
              okText={disabling ? '确认停用' : '确认启用'}
              okButtonProps={disabling ? { danger: true } : undefined}
              cancelText="再想想"
              onConfirm={() => onSetStatus(account, disabling ? 'disabled' : 'active')}
            >
              <Button
                className={disabling ? 'account-disable-button' : 'account-enable-button'}
                type="link"
                size="small"
                danger={disabling}
                disabled={waiting}
                loading={loading(account, 'status')}
              >
                {disabling ? '停用' : '启用'}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];
}
