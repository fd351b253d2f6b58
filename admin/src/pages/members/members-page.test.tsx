import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MemberRow } from '~/types/functions/admin';
import { AdminApiError } from '../../api/client';
import type { AdminPayload } from '../../api/client';
import { memberDetail, searchRow } from '../../test/member-fixtures';
import { TEST_TOKEN, mockClient, renderSignedIn } from '../../test/mock-client';
import { MEMBERS_PAGE_SIZE, MembersPage } from './members-page';

// The detail drawer and the search selector take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

function member(n: number, overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    memberId: `m${n}`,
    memberNo: `LM${String(n).padStart(8, '0')}`,
    nickname: `会员${n}`,
    tierId: 'silver',
    tierName: '银卡会员',
    pointsAvailable: 1000 * n,
    // 16:30 UTC is 00:30 the next day in Asia/Shanghai.
    joinedAt: Date.UTC(2024, 0, 15, 16, 30),
    ...overrides,
  };
}

const firstPage = { items: [member(1, { pointsAvailable: 12500 }), member(2)], nextCursor: 'cursor-2' };
const secondPage = { items: [member(3)], nextCursor: null };

function pagedClient() {
  return mockClient(async (_action, payload) => {
    const { cursor } = payload as AdminPayload<'listMembers'>;
    return cursor === 'cursor-2' ? secondPage : firstPage;
  });
}

function button(container: HTMLElement, className: string): HTMLButtonElement {
  return container.querySelector(`button.${className}`) as HTMLButtonElement;
}

describe('MembersPage', () => {
  it('renders the rows from the client with formatted points and Shanghai join time', async () => {
    const { client, call } = pagedClient();
    const { container } = renderSignedIn(<MembersPage />, client);

    const table = container.querySelector('.members-table') as HTMLElement;
    expect(table).not.toBeNull();
    expect(await within(table).findByText('LM00000001')).toBeTruthy();
    expect(within(table).getByText('会员2')).toBeTruthy();
    expect(within(table).getByText('12,500')).toBeTruthy();
    expect(within(table).getAllByText('2024-01-16 00:30')).toHaveLength(2);
    expect(within(table).getAllByText('银卡会员')).toHaveLength(2);
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent);
    expect(headers).toEqual(['会员号', '昵称', '等级', '可用积分', '入会时间']);
    expect(call).toHaveBeenCalledWith(
      'listMembers',
      { token: TEST_TOKEN, pageSize: MEMBERS_PAGE_SIZE },
      expect.objectContaining({ signal: expect.anything() }),
    );
  });

  it('pages forward with nextCursor and back with the previous cursor', async () => {
    const { client, call } = pagedClient();
    const { container } = renderSignedIn(<MembersPage />, client);

    await screen.findByText('LM00000001');
    expect(button(container, 'members-prev').disabled).toBe(true);

    fireEvent.click(button(container, 'members-next'));
    expect(await screen.findByText('LM00000003')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'listMembers',
      { token: TEST_TOKEN, pageSize: MEMBERS_PAGE_SIZE, cursor: 'cursor-2' },
      expect.anything(),
    );
    expect(screen.queryByText('LM00000001')).toBeNull();
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect(button(container, 'members-next').disabled).toBe(true);

    fireEvent.click(button(container, 'members-prev'));
    expect(await screen.findByText('LM00000001')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith('listMembers', { token: TEST_TOKEN, pageSize: MEMBERS_PAGE_SIZE }, expect.anything());
    expect(screen.getByText('第 1 页')).toBeTruthy();
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('searches by keyword from the first page', async () => {
    const { client, call } = pagedClient();
    const { container } = renderSignedIn(<MembersPage />, client);
    await screen.findByText('LM00000001');
    fireEvent.click(button(container, 'members-next'));
    await screen.findByText('LM00000003');

    const search = container.querySelector('.members-search input') as HTMLInputElement;
    fireEvent.change(search, { target: { value: ' 会员1 ' } });
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));

    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith(
        'searchMembers',
        { token: TEST_TOKEN, query: '会员1', by: 'auto', pageSize: MEMBERS_PAGE_SIZE },
        expect.anything(),
      ),
    );
    expect(await screen.findByText('第 1 页')).toBeTruthy();
    expect(container.querySelector('.members-search-kind')?.textContent).toBe('按昵称开头查找：会员1');
  });

  it('searches by phone, shows the phone as the server masked it, and goes back to all members', async () => {
    const { client, call } = mockClient(async (action) =>
      action === 'searchMembers' ? { by: 'phone', items: [searchRow(1)], nextCursor: null } : firstPage,
    );
    const { container } = renderSignedIn(<MembersPage />, client);
    await screen.findByText('LM00000001');

    fireEvent.change(container.querySelector('.members-search input') as HTMLInputElement, { target: { value: '138 0013 8000' } });
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    const table = container.querySelector('.members-table') as HTMLElement;
    expect(await within(table).findByText('138****8000')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'searchMembers',
      { token: TEST_TOKEN, query: '138 0013 8000', by: 'auto', pageSize: MEMBERS_PAGE_SIZE },
      expect.anything(),
    );
    expect(Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent)).toEqual([
      '会员号',
      '昵称',
      '手机号',
      '等级',
      '可用积分',
      '入会时间',
    ]);
    expect(container.querySelector('.members-search-kind')?.textContent).toBe('按手机号查找（需完整11位）：138 0013 8000');

    fireEvent.click(container.querySelector('.members-search-clear') as HTMLElement);
    expect(await screen.findByText('LM00000001')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith('listMembers', { token: TEST_TOKEN, pageSize: MEMBERS_PAGE_SIZE }, expect.anything());
  });

  it('says what a chosen search needs instead of sending one that cannot match', async () => {
    const { client, call } = pagedClient();
    const { container } = renderSignedIn(<MembersPage />, client);
    await screen.findByText('LM00000001');
    const calls = call.mock.calls.length;

    fireEvent.mouseDown(container.querySelector('.members-search-by .ant-select-selector, .members-search-by') as HTMLElement);
    fireEvent.click(await screen.findByTitle('手机号'));
    fireEvent.change(container.querySelector('.members-search input') as HTMLInputElement, { target: { value: '1380013' } });
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    expect((await screen.findByText('请输入完整的11位手机号')).className).toContain('members-search-invalid');
    expect(call.mock.calls.length).toBe(calls);
  });

  it('opens a member’s detail from the member number', async () => {
    const { client, call } = mockClient(async (action) =>
      action === 'getMemberDetail' ? memberDetail() : action === 'getMemberTags' ? { tags: [] } : firstPage,
    );
    renderSignedIn(<MembersPage />, client);
    fireEvent.click(await screen.findByText('LM00000001'));
    expect(await screen.findByText('会员 · 林小满')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('getMemberDetail', { token: TEST_TOKEN, memberId: 'm1' }, expect.anything());
  });

  it('shows an empty state when nothing matches', async () => {
    const { client } = mockClient(async () => ({ items: [], nextCursor: null }));
    renderSignedIn(<MembersPage />, client);

    expect(await screen.findByText('还没有会员')).toBeTruthy();
  });

  it('signs out with a message when the session has expired', async () => {
    const { client } = mockClient(async () => {
      throw new AdminApiError('SESSION_EXPIRED', 'session expired');
    });
    const onSessionLost = jest.fn();
    renderSignedIn(<MembersPage />, client, { onSessionLost });

    await waitFor(() => expect(onSessionLost).toHaveBeenCalledWith('登录已过期，请重新登录'));
  });

  it('shows other errors on the page with a retry', async () => {
    let failures = 1;
    const { client, call } = mockClient(async () => {
      if (failures-- > 0) throw new AdminApiError('INTERNAL', 'boom');
      return firstPage;
    });
    const onSessionLost = jest.fn();
    renderSignedIn(<MembersPage />, client, { onSessionLost });

    expect(await screen.findByText('会员列表加载失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));

    expect(await screen.findByText('LM00000001')).toBeTruthy();
    expect(call).toHaveBeenCalledTimes(2);
    expect(onSessionLost).not.toHaveBeenCalled();
  });
});
