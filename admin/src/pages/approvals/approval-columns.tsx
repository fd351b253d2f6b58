import { Button, Flex, Popconfirm, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ApprovalView } from '~/types/functions/admin-members';
import { formatDateTime } from '../../format/format-time';
import { APPROVAL_STATUS, StatusTag, signedPoints } from '../members/member-labels';

/** What the action buttons of an approvals table do. */
export interface ApprovalActions {
  /** Id of the approval being decided; every action waits until it is done. */
  busyId: string | null;
  onApprove: (approval: ApprovalView) => Promise<void>;
  onReject: (approval: ApprovalView) => void;
  /** Whether to show the member (the list of all approvals) or not (a member's own). */
  withMember: boolean;
}

/** Columns of a table of points adjustments awaiting (or past) a second admin: 通过 / 驳回 where the admin may decide. */
export function approvalColumns({ busyId, onApprove, onReject, withMember }: ApprovalActions): TableColumnsType<ApprovalView> {
  return [
    ...(withMember
      ? [
          {
            title: '会员',
            key: 'member',
            width: 170,
            render: (_: unknown, approval: ApprovalView) => (
              <Flex vertical>
                <span>{approval.nickname}</span>
                <Typography.Text type="secondary">{approval.memberNo}</Typography.Text>
              </Flex>
            ),
          },
        ]
      : []),
    {
      title: '调整积分',
      dataIndex: 'points',
      key: 'points',
      width: 110,
      align: 'right',
      render: (points: number) => <Typography.Text type={points < 0 ? 'danger' : 'success'}>{signedPoints(points)}</Typography.Text>,
    },
    { title: '原因', dataIndex: 'reason', key: 'reason', ellipsis: true },
    {
      title: '申请',
      key: 'requested',
      width: 170,
      render: (_, approval) => (
        <Flex vertical>
          <span>{approval.requestedBy}</span>
          <Typography.Text type="secondary">{formatDateTime(approval.requestedAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (status: ApprovalView['status']) => <StatusTag label={APPROVAL_STATUS[status]} />,
    },
    {
      title: '审批',
      key: 'decided',
      width: 200,
      render: (_, approval) =>
        approval.decidedBy === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical>
            <span>
              {approval.decidedBy} · {formatDateTime(approval.decidedAt ?? 0)}
            </span>
            {approval.note ? <Typography.Text type="secondary">{approval.note}</Typography.Text> : null}
          </Flex>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'end',
      render: (_, approval) =>
        approval.mayDecide && approval.status === 'approved' ? (
          // Approved but not posted (the posting failed on the way): approving again finishes it, once.
          <Button
            className="approve-adjustment-button"
            size="small"
            loading={busyId === approval.id}
            disabled={busyId !== null}
            onClick={() => onApprove(approval)}
          >
            重新入账
          </Button>
        ) : approval.mayDecide ? (
          <Space>
            <Popconfirm
              title={`通过积分调整 ${signedPoints(approval.points)}？`}
              description={`${approval.nickname}（${approval.memberNo}）：${approval.reason}`}
              okText="通过"
              cancelText="再想想"
              onConfirm={() => onApprove(approval)}
            >
              <Button
                className="approve-adjustment-button"
                type="primary"
                size="small"
                loading={busyId === approval.id}
                disabled={busyId !== null}
              >
                通过
              </Button>
            </Popconfirm>
            <Button className="reject-adjustment-button" danger size="small" disabled={busyId !== null} onClick={() => onReject(approval)}>
              驳回
            </Button>
          </Space>
        ) : approval.status === 'pending' ? (
          <Typography.Text type="secondary" className="awaiting-other-approver">
            待他人审批
          </Typography.Text>
        ) : null,
    },
  ];
}
