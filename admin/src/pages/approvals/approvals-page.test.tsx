import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ApprovalView } from '~/types/functions/admin-members';
import { AdminApiError } from '../../api/client';
import type { AdminPayload } from '../../api/client';
import { approvalView } from '../../test/member-fixtures';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { APPROVALS_PAGE_SIZE, ApprovalsPage } from './approvals-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

const mine = approvalView(1);
const theirs = approvalView(2, { points: -2_000, reason: '误发积分', mayDecide: false, requestedBy: 'admin' });
const approved = approvalView(3, {
  status: 'approved',
  decidedBy: 'admin',
  decidedAt: Date.now(),
  mayDecide: false,
  entryId: 'adjust:m3:k',
});

function approvalsClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listApprovals: async (_action, payload) => {
        const { status } = payload as AdminPayload<'listApprovals'>;
        return status === 'approved' ? { items: [approved], nextCursor: null } : { items: [mine, theirs], nextCursor: null };
      },
    },
    actions,
  );
}

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

describe('ApprovalsPage', () => {
  it('lists the adjustments waiting for approval, with buttons only where the admin may decide', async () => {
    const { client, call } = approvalsClient();
    const { container } = renderSignedIn(<ApprovalsPage />, client);

    const table = container.querySelector('.approvals-table') as HTMLElement;
    await within(table).findByText('林小满1');
    expect(call).toHaveBeenCalledWith(
      'listApprovals',
      { token: TEST_TOKEN, status: 'pending', pageSize: APPROVALS_PAGE_SIZE },
      expect.objectContaining({ signal: expect.anything() }),
    );
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['会员', '调整积分', '原因', '申请', '状态', '审批', '操作']);
    const first = rowOf('林小满1');
    expect(within(first).getByText('+5,000')).toBeTruthy();
    expect(within(first).getByText('大额补偿')).toBeTruthy();
    expect(within(first).getByText('待审批')).toBeTruthy();
    expect(first.querySelector('.approve-adjustment-button')).not.toBeNull();
    const second = rowOf('林小满2');
    expect(within(second).getByText('-2,000')).toBeTruthy();
    expect(second.querySelector('.approve-adjustment-button')).toBeNull();
    expect(within(second).getByText('待他人审批')).toBeTruthy();

    fireEvent.click(within(container.querySelector('.approvals-status-filter') as HTMLElement).getByText('已通过'));
    expect(await screen.findByText('林小满3')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'listApprovals',
      { token: TEST_TOKEN, status: 'approved', pageSize: APPROVALS_PAGE_SIZE },
      expect.anything(),
    );
  });

  it('approves after confirming, says what the balance is now, and refreshes the list', async () => {
    const approveAdjustment = jest.fn<ActionHandler>(
      async () =>
        ({ ...mine, status: 'approved', mayDecide: false, available: 6_000 }) satisfies ApprovalView & {
          available: number;
        },
    );
    const { client, call } = approvalsClient({ approveAdjustment });
    renderSignedIn(<ApprovalsPage />, client);
    await screen.findByText('林小满1');

    fireEvent.click(rowOf('林小满1').querySelector('.approve-adjustment-button') as HTMLElement);
    const confirm = (await screen.findByText('通过积分调整 +5,000？')).closest('.ant-popover') as HTMLElement;
    const before = callsOf(call, 'listApprovals').length;
    fireEvent.click(within(confirm).getByRole('button', { name: /通\s*过/ }));

    await waitFor(() => expect(approveAdjustment).toHaveBeenCalledWith('approveAdjustment', { token: TEST_TOKEN, approvalId: mine.id }));
    expect(await screen.findByText('已通过 林小满1 的积分调整 +5,000，当前可用积分 6,000')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listApprovals').length).toBe(before + 1));
  });

  it('shows the server’s reason when an approval is refused', async () => {
    const { client } = approvalsClient({
      approveAdjustment: async () => {
        throw new AdminApiError('FORBIDDEN', '不能审批自己提交的积分调整，请由另一位管理员审批');
      },
    });
    const { container } = renderSignedIn(<ApprovalsPage />, client);
    await screen.findByText('林小满1');
    fireEvent.click(rowOf('林小满1').querySelector('.approve-adjustment-button') as HTMLElement);
    const confirm = (await screen.findByText('通过积分调整 +5,000？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: /通\s*过/ }));
    await waitFor(() =>
      expect(container.querySelector('.approval-action-error')?.textContent).toContain('不能审批自己提交的积分调整，请由另一位管理员审批'),
    );
  });

  it('rejects with a note, then refreshes the list', async () => {
    const rejectAdjustment = jest.fn<ActionHandler>(
      async () => ({ ...mine, status: 'rejected', note: '核实后无需调整', mayDecide: false }) satisfies ApprovalView,
    );
    const { client, call } = approvalsClient({ rejectAdjustment });
    renderSignedIn(<ApprovalsPage />, client);
    await screen.findByText('林小满1');

    fireEvent.click(rowOf('林小满1').querySelector('.reject-adjustment-button') as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    const note = dialog.querySelector('textarea') as HTMLTextAreaElement;
    fireEvent.click(within(dialog).getByRole('button', { name: /驳\s*回/ }));
    expect(await within(dialog).findByText('请填写驳回说明')).toBeTruthy();
    const before = callsOf(call, 'listApprovals').length;
    fireEvent.change(note, { target: { value: ' 核实后无需调整 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /驳\s*回/ }));
    await waitFor(() =>
      expect(rejectAdjustment).toHaveBeenCalledWith('rejectAdjustment', { token: TEST_TOKEN, approvalId: mine.id, note: '核实后无需调整' }),
    );
    expect(await screen.findByText('已驳回 林小满1 的积分调整 +5,000')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listApprovals').length).toBe(before + 1));
  });

  it('says so when nothing waits, and shows a failed load with a retry', async () => {
    let failures = 1;
    const { client } = approvalsClient({
      listApprovals: async () => {
        if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
        return { items: [], nextCursor: null };
      },
    });
    renderSignedIn(<ApprovalsPage />, client);
    expect(await screen.findByText('审批列表加载失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('没有待审批的积分调整')).toBeTruthy();
  });
});
