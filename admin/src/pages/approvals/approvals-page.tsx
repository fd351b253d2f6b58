import { Card, Segmented } from 'antd';
import { useCallback } from 'react';
import type { ApprovalStatus } from '~/types/approvals';
import type { ApprovalView } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { ActionError } from '../../components/action-error';
import { CursorTable } from '../../components/cursor-table';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { APPROVAL_STATUS } from '../members/member-labels';
import { approvalColumns } from './approval-columns';
import { useApprovalDecisions } from './use-approval-decisions';

/** Rows per page; the server accepts 1–100. */
export const APPROVALS_PAGE_SIZE = 20;

const FILTERS: readonly ApprovalStatus[] = ['pending', 'approved', 'rejected', 'failed'];
const filterOptions = FILTERS.map((value) => ({ value, label: APPROVAL_STATUS[value].text }));

/**
 * Points adjustments above the approval threshold, waiting ones first: another owner or operator
 * than the one who asked approves (the points are posted then) or rejects them with a note.
 */
export function ApprovalsPage() {
  const { client, token } = useAdminApi();
  const load = useCallback<LoadCursorPage<ApprovalView, ApprovalStatus>>(
    (status, cursor, signal) =>
      client.call('listApprovals', { token, status, pageSize: APPROVALS_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal }),
    [client, token],
  );
  const pages = useCursorPages(load, 'pending');
  const decisions = useApprovalDecisions(pages.reload);
  const columns = approvalColumns({ busyId: decisions.busyId, onApprove: decisions.approve, onReject: decisions.reject, withMember: true });
  const filterText = APPROVAL_STATUS[pages.filter].text;

  return (
    <>
      {decisions.holder}
      <Card title="积分审批">
        <Segmented<ApprovalStatus>
          className="approvals-status-filter"
          options={filterOptions}
          value={pages.filter}
          onChange={(status) => {
            decisions.setActionError(null);
            pages.applyFilter(status);
          }}
          style={{ marginBottom: 16 }}
        />
        <ActionError className="approval-action-error" message={decisions.actionError} onClose={() => decisions.setActionError(null)} />
        <CursorTable<ApprovalView>
          pages={pages}
          classPrefix="approvals"
          errorTitle="审批列表加载失败"
          emptyText={`没有${filterText}的积分调整`}
          rowKey="id"
          columns={columns}
          scrollX={1100}
        />
      </Card>
    </>
  );
}
