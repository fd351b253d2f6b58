import { Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { StaffRow } from '~/types/functions/admin-staff';
import type { StaffDoc, StaffRole } from '~/types/staff';
import { formatDateTime } from '../../format/format-time';

/** A staff role as the stores call it. */
export const STAFF_ROLE_TEXT: Record<StaffRole, string> = {
  cashier: '收银员',
  manager: '店长',
};

/** A staff member's status, with its tag colour. */
export const STAFF_STATUS: Record<StaffDoc['status'], { text: string; color: string }> = {
  active: { text: '在职', color: 'green' },
  disabled: { text: '已停用', color: 'default' },
};

/** What the action buttons of the staff table do. */
export interface StaffActions {
  /** Id of the staff member whose status is changing; every action waits until it is done. */
  busyId: string | null;
  onSetStatus: (staff: StaffRow, status: StaffDoc['status']) => Promise<void>;
}

/** Columns of the staff table: nickname, store, role, status, when bound, and 停用 (confirmed) or 启用. */
export function staffColumns({ busyId, onSetStatus }: StaffActions): TableColumnsType<StaffRow> {
  return [
    { title: '昵称', dataIndex: 'nickname', key: 'nickname', ellipsis: true },
    { title: '门店', dataIndex: 'storeName', key: 'storeName', width: 200, ellipsis: true },
    { title: '角色', dataIndex: 'role', key: 'role', width: 100, render: (role: StaffRole) => <Tag>{STAFF_ROLE_TEXT[role]}</Tag> },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (status: StaffDoc['status']) => <Tag color={STAFF_STATUS[status].color}>{STAFF_STATUS[status].text}</Tag>,
    },
    {
      title: '绑定时间',
      key: 'createdAt',
      width: 190,
      render: (_, staff) => (
        <Flex vertical>
          <span>{formatDateTime(staff.createdAt)}</span>
          {staff.disabledAt === null ? null : <Typography.Text type="secondary">停用于 {formatDateTime(staff.disabledAt)}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'end',
      render: (_, staff) =>
        staff.status === 'active' ? (
          <Popconfirm
            title={`停用店员「${staff.nickname}」？`}
            description="停用后，该店员下次操作时即被拒绝；可随时重新启用"
            okText="确认停用"
            okButtonProps={{ danger: true }}
            cancelText="再想想"
            onConfirm={() => onSetStatus(staff, 'disabled')}
          >
            <Button className="staff-disable-button" danger size="small" loading={busyId === staff.staffId} disabled={busyId !== null}>
              停用
            </Button>
          </Popconfirm>
        ) : (
          <Button
            className="staff-enable-button"
            size="small"
            loading={busyId === staff.staffId}
            disabled={busyId !== null}
            onClick={() => void onSetStatus(staff, 'active')}
          >
            启用
          </Button>
        ),
    },
  ];
}
