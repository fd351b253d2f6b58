import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AdminRole } from '~/types/documents';
import type { AdminResponses } from '~/types/functions/admin';
import { AdminApiError } from '../../api/client';
import type { AdminPayload } from '../../api/client';
import { TEST_TOKEN, pageClient, renderSignedIn } from '../../test/mock-client';
import { ReconcilePage } from './reconcile-page';

jest.setTimeout(60_000);

type Answer = (payload: AdminPayload<'reconcile'>) => Promise<AdminResponses['reconcile']>;

function renderPage(answer: Answer, role: AdminRole = 'owner') {
  const { client, call } = pageClient({ reconcile: (_action, payload) => answer(payload as AdminPayload<'reconcile'>) });
  return { call, ...renderSignedIn(<ReconcilePage />, client, { role }) };
}

const run = () => fireEvent.click(screen.getByRole('button', { name: /开始对账/ }));

describe('ReconcilePage', () => {
  it('reconciles one member and says the books agree', async () => {
    const { call, container } = renderPage(async () => ({ members: 1, problems: [] }));
    expect(screen.getByText('对账全部会员会读取每一位会员的积分、流水和积分批次')).toBeTruthy();

    run();
    expect(await screen.findByText('请输入会员 ID')).toBeTruthy();
    fireEvent.change(container.querySelector('.reconcile-member-id input') as HTMLElement, { target: { value: 'bad id!' } });
    run();
    expect(await screen.findByText('会员 ID 为 1–64 位字母、数字、_ 或 -')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    fireEvent.change(container.querySelector('.reconcile-member-id input') as HTMLElement, { target: { value: ' m-0001 ' } });
    run();
    await waitFor(() => expect(call).toHaveBeenCalledWith('reconcile', { token: TEST_TOKEN, memberId: 'm-0001' }, undefined));
    expect(await screen.findByText('已核对 1 位会员，账目一致')).toBeTruthy();
    expect(container.querySelector('.reconcile-ok .ant-alert-description')?.textContent).toMatch(
      /^会员 m-0001 · .* · 积分余额 = 积分流水合计 = 积分批次合计$/,
    );
    expect(container.querySelector('.reconcile-problems-table')).toBeNull();
  });

  it('reconciles every member only after a confirmation, and lists each problem with the member', async () => {
    const { call, container } = renderPage(async () => ({
      members: 1_204,
      problems: [
        { memberId: 'm-0007', problem: 'available 120 ≠ ledger 100 (with 0 recorded as expired since)' },
        { memberId: 'm-0042', problem: 'pending lots hold 30, pending is 0' },
        { memberId: 'm-ghost', problem: 'ledger entries without a member' },
      ],
    }));

    fireEvent.click(screen.getByRole('radio', { name: '全部会员' }));
    await waitFor(() => expect(container.querySelector('.reconcile-member-id')).toBeNull());
    run();
    const confirm = (await screen.findByText('对账全部会员？')).closest('.ant-popover') as HTMLElement;
    expect(call).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByRole('button', { name: '开始对账' }));

    await waitFor(() => expect(call).toHaveBeenCalledWith('reconcile', { token: TEST_TOKEN }, undefined));
    expect(await screen.findByText('已核对 1204 位会员，发现 3 个问题')).toBeTruthy();
    const table = container.querySelector('.reconcile-problems-table') as HTMLElement;
    const rows = Array.from(table.querySelectorAll('tbody tr.ant-table-row'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['m-0007', 'available 120 ≠ ledger 100 (with 0 recorded as expired since)'],
      ['m-0042', 'pending lots hold 30, pending is 0'],
      ['m-ghost', '有积分流水，但会员不存在'],
    ]);
  });

  it('shows a failed run and lets it be tried again', async () => {
    let failures = 1;
    const { container } = renderPage(async () => {
      if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
      return { members: 1, problems: [{ memberId: 'm-9', problem: 'no such member' }] };
    });
    fireEvent.change(container.querySelector('.reconcile-member-id input') as HTMLElement, { target: { value: 'm-9' } });
    run();
    expect(await screen.findByText('对账未完成：无法连接服务器，请检查网络后重试')).toBeTruthy();
    run();
    expect(await screen.findByText('已核对 1 位会员，发现 1 个问题')).toBeTruthy();
    expect(screen.getByText('没有这位会员')).toBeTruthy();
    expect(container.querySelector('.reconcile-error')).toBeNull();
  });

  it('is closed to roles the server refuses, open to analysts', async () => {
    const { call, unmount } = renderPage(async () => ({ members: 0, problems: [] }), 'support');
    expect(screen.getByText('当前角色不能进行积分对账')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /开始对账/ })).toBeNull();
    expect(call).not.toHaveBeenCalled();
    unmount();

    renderPage(async () => ({ members: 0, problems: [] }), 'analyst');
    expect(screen.getByRole('button', { name: /开始对账/ })).toBeTruthy();
  });
});
