import { ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Modal, message } from 'antd';
import { useCallback, useState } from 'react';
import type { AdminAccountRow } from '~/types/functions/admin-accounts';
import type { StoreRow } from '~/types/functions/admin-staff';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { ListTable } from '../../components/list-table';
import { ADMIN_ROLE_TEXT } from '../../format/admin-roles';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { accountColumns } from './account-columns';
import type { AccountBusy } from './account-columns';
import { ChangeRoleModal } from './change-role-modal';
import { CreateAdminModal } from './create-admin-modal';
import { OneTimePassword } from './one-time-password';

/** A one-time password to show once: after a reset. */
interface IssuedPassword {
  username: string;
  password: string;
}

/** 账号管理 (owners): the brand's admin accounts; create one with a one-time password, change its role, reset its password, disable or enable it. */
export function AccountsPage() {
  const { client, token, admin, onSessionLost } = useAdminApi();
  const [creating, setCreating] = useState(false);
  const [changingRole, setChangingRole] = useState<AdminAccountRow | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [busy, setBusy] = useState<AccountBusy | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();

  const loadAccounts = useCallback<LoadWholeList<AdminAccountRow, null>>(
    (_filter, signal) => client.call('listAdmins', { token }, { signal }),
    [client, token],
  );
  const accounts = useWholeList(loadAccounts, null);
  const loadStores = useCallback<LoadWholeList<StoreRow, null>>(
    (_filter, signal) => client.call('listStores', { token }, { signal }),
    [client, token],
  );
  const stores = useWholeList(loadStores, null);
  const { reload } = accounts;
  const storeName = (storeId: string) => stores.rows.find((store) => store.storeId === storeId)?.name ?? storeId;

  /** Runs one change of an account: busy meanwhile, a refused change above the table, the list fetched again. */
  const change = async <T,>(account: AdminAccountRow, what: AccountBusy['what'], failed: string, call: () => Promise<T>) => {
    setBusy({ username: account.username, what });
    setActionError(null);
    const outcome = await outcomeOf(call, describeActionError);
    setBusy(null);
    if (!outcome.ok && outcome.failure.sessionLost) {
      onSessionLost(outcome.failure.message);
      return null;
    }
    if (!outcome.ok) setActionError(`${failed}未成功：${outcome.failure.message}`);
    reload();
    return outcome.ok ? outcome.value : null;
  };

  const setStatus = async (account: AdminAccountRow, status: AdminAccountRow['status']) => {
    const verb = status === 'disabled' ? '停用' : '启用';
    const changed = await change(account, 'status', `${verb}账号「${account.username}」`, () =>
      client.call('setAdminStatus', { token, username: account.username, status }),
    );
    if (changed) notice.success(`已${verb}账号「${changed.username}」`);
  };

  const resetPassword = async (account: AdminAccountRow) => {
    const reset = await change(account, 'reset', `重置「${account.username}」的密码`, () =>
      client.call('resetAdminPassword', { token, username: account.username }),
    );
    if (reset) setIssued({ username: reset.username, password: reset.oneTimePassword });
  };

  const columns = accountColumns({
    me: admin.username,
    storeName,
    busy,
    onSetStatus: setStatus,
    onChangeRole: setChangingRole,
    onResetPassword: resetPassword,
  });

  return (
    <>
      {noticeHolder}
      <Card
        title="账号管理"
        extra={
          <Button className="create-admin-button" type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        }
      >
        {stores.error !== null ? (
          <Alert
            className="stores-error"
            type="warning"
            showIcon
            title="门店列表加载失败，门店经理的门店暂时只显示编号"
            action={
              <Button icon={<ReloadOutlined />} onClick={stores.reload}>
                重试
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <ActionError className="account-action-error" message={actionError} onClose={() => setActionError(null)} />
        <ListTable<AdminAccountRow>
          list={accounts}
          classPrefix="accounts"
          errorTitle="账号列表加载失败"
          emptyText="还没有账号"
          rowKey="username"
          columns={columns}
          scrollX={1000}
        />
      </Card>
      {creating ? (
        <CreateAdminModal
          stores={stores.rows}
          storesLoading={stores.loading}
          onCreated={() => reload()}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {changingRole ? (
        <ChangeRoleModal
          account={changingRole}
          stores={stores.rows}
          storesLoading={stores.loading}
          onClose={() => setChangingRole(null)}
          onChanged={(account) => {
            setChangingRole(null);
            notice.success(`「${account.username}」的角色已改为${ADMIN_ROLE_TEXT[account.role]}，需重新登录后生效`);
            reload();
          }}
        />
      ) : null}
      {issued ? (
        <Modal
          open
          className="reset-password-modal"
          title="密码已重置"
          closable={false}
          keyboard={false}
          mask={{ closable: false }}
          footer={[
            <Button key="done" className="reset-password-done" type="primary" onClick={() => setIssued(null)}>
              我已交给对方
            </Button>,
          ]}
        >
          <OneTimePassword username={issued.username} password={issued.password} />
        </Modal>
      ) : null}
    </>
  );
}
