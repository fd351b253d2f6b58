import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { StoreDetailRow } from '~/types/functions/admin-staff';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { useAdminSession } from '../../api/admin-api-context';
import { ActionError } from '../../components/action-error';
import { ListTable } from '../../components/list-table';
import { useMayTake } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { StoreModal } from './store-modal';

/** Which dialog is open: the store form (null store = 新建). */
type Editing = { store: StoreDetailRow | null } | null;

/** 门店: every store with address, hours, location and pickup; 新建/编辑 and 关闭/开启 for the roles that may (a store manager edits their own). */
export function StoresPanel() {
  const { client, token, onSessionLost } = useAdminApi();
  const { admin } = useAdminSession();
  const may = useMayTake();
  const [editing, setEditing] = useState<Editing>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const load = useCallback<LoadWholeList<StoreDetailRow, null>>(
    (_filter, signal) => client.call('listStores', { token }, { signal }),
    [client, token],
  );
  const stores = useWholeList(load, null);
  const mayCreate = may('saveStore') && admin.role !== 'storeManager';
  const mayEdit = (store: StoreDetailRow) => may('saveStore') && (admin.role !== 'storeManager' || admin.storeId === store.storeId);
  const mayOpenClose = may('setStoreStatus');

  const setStatus = async (store: StoreDetailRow, status: StoreDetailRow['status']) => {
    const verb = status === 'closed' ? '关闭' : '开启';
    setBusyId(store.storeId);
    setActionError(null);
    const outcome = await outcomeOf(() => client.call('setStoreStatus', { token, storeId: store.storeId, status }), describeActionError);
    if (!outcome.ok && outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setBusyId(null);
    if (outcome.ok) notice.success(`已${verb}门店「${store.name}」`);
    else setActionError(`${verb}门店「${store.name}」未成功：${outcome.failure.message}`);
    stores.reload();
  };

  const columns: TableColumnsType<StoreDetailRow> = [
    {
      title: '门店',
      key: 'name',
      render: (_, store) => (
        <Flex vertical>
          <Typography.Text strong>{store.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {store.storeId}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '地址', dataIndex: 'address', key: 'address', ellipsis: true },
    { title: '电话', key: 'phone', width: 140, render: (_, store) => store.phone || '—' },
    { title: '营业时间', dataIndex: 'openHours', key: 'openHours', width: 130 },
    {
      title: '位置（GCJ-02）',
      key: 'location',
      width: 170,
      render: (_, store) =>
        store.location ? (
          `${store.location.latitude.toFixed(6)}, ${store.location.longitude.toFixed(6)}`
        ) : (
          <Typography.Text type="secondary">未设置</Typography.Text>
        ),
    },
    {
      title: '自提',
      key: 'pickup',
      width: 80,
      render: (_, store) => (store.pickupEnabled ? <Tag color="blue">支持</Tag> : <Tag>不支持</Tag>),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, store) => (store.status === 'open' ? <Tag color="green">营业中</Tag> : <Tag>已关闭</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, store) => (
        <Flex gap={4}>
          {mayEdit(store) ? (
            <Button className="store-edit" size="small" disabled={busyId !== null} onClick={() => setEditing({ store })}>
              编辑
            </Button>
          ) : null}
          {mayOpenClose && store.status === 'open' ? (
            <Popconfirm
              title={`关闭门店「${store.name}」？`}
              description="关闭后会员结算时不能再选它自提，也不能再邀请店员；已下单的自提和待领取的礼品仍可在该店领取。"
              okText="关闭"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => setStatus(store, 'closed')}
            >
              <Button className="store-close" size="small" danger loading={busyId === store.storeId} disabled={busyId !== null}>
                关闭
              </Button>
            </Popconfirm>
          ) : null}
          {mayOpenClose && store.status === 'closed' ? (
            <Button
              className="store-open"
              size="small"
              type="primary"
              loading={busyId === store.storeId}
              disabled={busyId !== null}
              onClick={() => void setStatus(store, 'open')}
            >
              开启
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      {noticeHolder}
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text className="stores-total" type="secondary">
          {stores.loading || stores.error !== null ? '' : `共 ${stores.rows.length} 家门店`}
        </Typography.Text>
        {mayCreate ? (
          <Button className="store-create-button" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ store: null })}>
            新建门店
          </Button>
        ) : null}
      </Flex>
      <ActionError className="stores-action-error" message={actionError} onClose={() => setActionError(null)} />
      <ListTable<StoreDetailRow>
        list={stores}
        classPrefix="stores"
        errorTitle="门店列表加载失败"
        emptyText={mayCreate ? '还没有门店，点「新建门店」添加' : '还没有门店'}
        rowKey="storeId"
        columns={columns.filter((column) => column.key !== 'actions' || may('saveStore') || mayOpenClose)}
        scrollX={1150}
      />
      {editing ? (
        <StoreModal
          store={editing.store}
          onClose={() => setEditing(null)}
          onSaved={(store, created) => {
            setEditing(null);
            notice.success(created ? `已新建门店「${store.name}」` : `已保存门店「${store.name}」`);
            stores.reload();
          }}
        />
      ) : null}
    </>
  );
}
