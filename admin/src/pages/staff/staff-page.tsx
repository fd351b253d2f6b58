import { ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Tabs, message } from 'antd';
import { useCallback, useState } from 'react';
import type { StaffRow, StoreRow } from '~/types/functions/admin-staff';
import type { StaffDoc } from '~/types/staff';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ListTable } from '../../components/list-table';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { staffColumns } from './staff-columns';
import { StaffInviteModal } from './staff-invite-modal';
import { ActionError } from '../../components/action-error';
import { May } from '../../components/may';
import { useMay } from '../../hooks/use-may';
import { StoresPanel } from './stores-panel';

/** Which staff the list shows: `all`, or one store's id. */
type StoreFilter = string;

/** 店员: who is bound to which store in which role, invites for new staff, and 停用/启用. */
function StaffPanel() {
  const { client, token, onSessionLost } = useAdminApi();
  const [inviting, setInviting] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const mayChangeStatus = useMay('setStaffStatus');

  const loadStores = useCallback<LoadWholeList<StoreRow, null>>(
    (_filter, signal) => client.call('listStores', { token }, { signal }),
    [client, token],
  );
  const stores = useWholeList(loadStores, null);
  const loadStaff = useCallback<LoadWholeList<StaffRow, StoreFilter>>(
    (storeId, signal) => client.call('listStaff', { token, ...(storeId === 'all' ? {} : { storeId }) }, { signal }),
    [client, token],
  );
  const staff = useWholeList(loadStaff, 'all');
  const { reload } = staff;

  const setStatus = async (row: StaffRow, status: StaffDoc['status']) => {
    setBusyId(row.staffId);
    setActionError(null);
    const outcome = await outcomeOf(() => client.call('setStaffStatus', { token, staffId: row.staffId, status }), describeActionError);
    if (outcome.ok) {
      notice.success(`${status === 'disabled' ? '已停用' : '已启用'}店员「${outcome.value.nickname}」`);
    } else if (outcome.failure.sessionLost) {
      onSessionLost(outcome.failure.message);
      return;
    } else {
      setActionError(`${status === 'disabled' ? '停用' : '启用'}店员「${row.nickname}」未成功：${outcome.failure.message}`);
    }
    setBusyId(null);
    reload();
  };

  const openStores = stores.rows.filter((store) => store.status === 'open');
  const storeOptions = [
    { value: 'all', label: '全部门店' },
    ...stores.rows.map((store) => ({ value: store.storeId, label: store.status === 'open' ? store.name : `${store.name}（已关闭）` })),
  ];
  const shownStore = stores.rows.find((store) => store.storeId === staff.filter);

  return (
    <>
      {noticeHolder}
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select<StoreFilter>
            className="staff-store-filter"
            aria-label="门店"
            value={staff.filter}
            options={storeOptions}
            loading={stores.loading}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(storeId) => {
              setActionError(null);
              staff.applyFilter(storeId);
            }}
            style={{ width: 220 }}
          />
          <May action="createStaffInvite">
            <Button
              className="staff-invite-button"
              type="primary"
              icon={<UserAddOutlined />}
              disabled={openStores.length === 0}
              onClick={() => setInviting(true)}
            >
              生成邀请码
            </Button>
          </May>
        </Space>
      </Flex>
      {stores.error !== null ? (
        <Alert
          className="stores-error"
          type="error"
          showIcon
          title="门店列表加载失败"
          description={stores.error}
          action={
            <Button icon={<ReloadOutlined />} onClick={stores.reload}>
              重试
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {!stores.loading && stores.error === null && openStores.length === 0 ? (
        <Alert
          className="stores-none-open"
          type="info"
          showIcon
          title="还没有营业中的门店，暂时无法邀请店员"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ActionError className="staff-action-error" message={actionError} onClose={() => setActionError(null)} />
      <ListTable<StaffRow>
        list={staff}
        classPrefix="staff"
        errorTitle="店员列表加载失败"
        emptyText={staff.filter === 'all' ? '还没有店员，点「生成邀请码」邀请店员绑定' : `${shownStore?.name ?? '该门店'}还没有店员`}
        rowKey="staffId"
        columns={staffColumns({ busyId, onSetStatus: setStatus }).filter((column) => mayChangeStatus || column.key !== 'actions')}
        scrollX={900}
      />
      {inviting ? (
        <StaffInviteModal
          stores={openStores}
          initialStoreId={staff.filter === 'all' ? undefined : staff.filter}
          onClose={() => setInviting(false)}
        />
      ) : null}
    </>
  );
}

/** 门店与店员: the staff of every store (店员) and the stores themselves (门店), on one page. */
export function StaffPage() {
  return (
    <Card title="门店与店员">
      <Tabs
        className="staff-tabs"
        destroyOnHidden
        items={[
          { key: 'staff', label: '店员', children: <StaffPanel /> },
          { key: 'stores', label: '门店', children: <StoresPanel /> },
        ]}
      />
    </Card>
  );
}
