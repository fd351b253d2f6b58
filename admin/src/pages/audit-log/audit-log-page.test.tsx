import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StoreRow } from '~/types/functions/admin-staff';
import type { AuditEntryDoc } from '~/types/staff';
import { AdminApiError } from '../../api/client';
import type { AdminClient, AdminPayload } from '../../api/client';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandlers, MockCall } from '../../test/mock-client';
import { AUDIT_LOG_PAGE_SIZE, AuditLogPage } from './audit-log-page';

// Selects and date pickers take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

// 02:00 UTC is 10:00 in Asia/Shanghai.
const AT = Date.UTC(2025, 2, 1, 2, 0);

const stores: StoreRow[] = [{ storeId: 'jingan', name: '静安嘉里店', address: '上海市静安区南京西路 1515 号', status: 'open' }];

function entry(n: number, overrides: Partial<AuditEntryDoc> = {}): AuditEntryDoc {
  return {
    _id: `audit:${n}`,
    actor: { kind: 'admin', id: 'owner', name: 'owner', role: 'owner', storeId: null },
    action: 'createAdmin',
    target: { type: 'admin', id: 'li.na' },
    memberId: null,
    storeId: null,
    day: '2025-03-01',
    amounts: {},
    before: null,
    after: { role: 'operator', storeId: null, status: 'active' },
    requestId: `req-${n}`,
    at: AT - n * 60_000,
    ...overrides,
  };
}

const created = entry(1);
const sale = entry(2, {
  actor: { kind: 'staff', id: 'o-cashier', name: '小林', role: 'cashier', storeId: 'jingan' },
  action: 'recordSale',
  target: { type: 'sale', id: 'sale-R-3001' },
  memberId: 'member-7',
  storeId: 'jingan',
  amounts: { amountFen: 12_000, paidFen: 9_000, pointsEarned: 90, pointsSpent: 2_000 },
  after: null,
});
const roleChange = entry(3, {
  action: 'setAdminRole',
  before: { role: 'storeManager', storeId: 'jingan' },
  after: { role: 'operator', storeId: null },
  requestId: null,
});
const unknown = entry(4, { action: 'tuneProgramme', target: { type: 'programme', id: 'default' } });
const older = entry(5, { action: 'changePassword', target: { type: 'admin', id: 'li.na' } });

function auditClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listStores: async () => ({ items: stores }),
      listAuditLog: async (_action, payload) => {
        const { cursor } = payload as AdminPayload<'listAuditLog'>;
        return cursor === 'cursor-2'
          ? { items: [older], nextCursor: null }
          : { items: [created, sale, roleChange, unknown], nextCursor: 'cursor-2' };
      },
    },
    actions,
  );
}

const renderPage = (client: AdminClient) => renderSignedIn(<AuditLogPage />, client);

/** The row of an entry, found by its action as the table words it. */
function rowOf(action: string): HTMLElement {
  return screen.getByText(action, { selector: '.audit-action-text' }).closest('tr') as HTMLElement;
}

/** Types a day into one end of the range picker and confirms it. */
function typeDay(container: HTMLElement, placeholder: string, day: string) {
  const input = container.querySelector(`.audit-days input[placeholder="${placeholder}"]`) as HTMLInputElement;
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: day } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

function lastAuditCall(call: MockCall) {
  return callsOf(call, 'listAuditLog').at(-1)?.[1];
}

describe('AuditLogPage', () => {
  it('lists the newest entries with who, what, which target, the store and the amounts', async () => {
    const { client, call } = auditClient();
    const { container } = renderPage(client);

    const table = container.querySelector('.audit-log-table') as HTMLElement;
    await within(table).findByText('新建账号');
    expect(call).toHaveBeenCalledWith(
      'listAuditLog',
      { token: TEST_TOKEN, pageSize: AUDIT_LOG_PAGE_SIZE },
      expect.objectContaining({ signal: expect.anything() }),
    );
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['时间', '操作人', '操作', '对象', '门店', '金额/积分']);

    const createdRow = rowOf('新建账号');
    expect(within(createdRow).getByText('2025-03-01 09:59')).toBeTruthy();
    expect(within(createdRow).getByText('owner')).toBeTruthy();
    expect(within(createdRow).getByText('所有者')).toBeTruthy();
    expect(within(createdRow).getByText('后台账号')).toBeTruthy();
    expect(within(createdRow).getByText('li.na')).toBeTruthy();

    const saleRow = rowOf('门店消费');
    expect(within(saleRow).getByText('小林')).toBeTruthy();
    expect(within(saleRow).getByText('收银员')).toBeTruthy();
    expect(within(saleRow).getByText('店员')).toBeTruthy();
    expect(within(saleRow).getByText('sale-R-3001')).toBeTruthy();
    await within(saleRow).findByText('静安嘉里店');
    expect(within(saleRow).getByText('金额 ¥120.00')).toBeTruthy();
    expect(within(saleRow).getByText('实付 ¥90.00')).toBeTruthy();
    expect(within(saleRow).getByText('获得积分 +90')).toBeTruthy();
    expect(within(saleRow).getByText('使用积分 2,000')).toBeTruthy();

    const unknownRow = rowOf('tuneProgramme');
    expect(within(unknownRow).getByText('programme')).toBeTruthy();
  });

  it('opens an entry to its before and after and the request that made it', async () => {
    const { client } = auditClient();
    renderPage(client);
    await screen.findByText('更改角色');

    fireEvent.click(within(rowOf('更改角色')).getByRole('button', { name: /展开行|expand/i }));
    const detail = await waitFor(() => {
      const found = document.querySelector('.audit-entry-detail');
      if (!found) throw new Error('not expanded');
      return found as HTMLElement;
    });
    expect(JSON.parse(detail.querySelector('.audit-before')?.textContent ?? '')).toEqual({ role: 'storeManager', storeId: 'jingan' });
    expect(JSON.parse(detail.querySelector('.audit-after')?.textContent ?? '')).toEqual({ role: 'operator', storeId: null });
    expect(detail.querySelector('.audit-before')?.textContent).toContain('\n  "role": "storeManager"');
    expect(within(detail).getByText('请求编号')).toBeTruthy();
    expect(within(detail).getByText('audit:3')).toBeTruthy();

    fireEvent.click(within(rowOf('新建账号')).getByRole('button', { name: /展开行|expand/i }));
    await waitFor(() => expect(document.querySelectorAll('.audit-entry-detail')).toHaveLength(2));
    const createdDetail = Array.from(document.querySelectorAll('.audit-entry-detail')).find((element) =>
      element.textContent?.includes('audit:1'),
    ) as HTMLElement;
    expect(within(createdDetail).getByText('（无）')).toBeTruthy();
    expect(within(createdDetail).getByText('req-1')).toBeTruthy();
  });

  it('narrows by person, action, target and days, and 重置 shows everything again', async () => {
    const { client, call } = auditClient();
    const { container } = renderPage(client);
    await screen.findByText('新建账号');

    fireEvent.change(container.querySelector('.audit-actor input') as HTMLInputElement, { target: { value: ' owner ' } });
    await chooseOption(container.querySelector('.audit-action') as HTMLElement, '更改角色');
    await chooseOption(container.querySelector('.audit-target-type') as HTMLElement, '后台账号');
    fireEvent.change(container.querySelector('.audit-target-id input') as HTMLInputElement, { target: { value: 'li.na' } });
    typeDay(container, '开始日期', '2025-03-01');
    typeDay(container, '结束日期', '2025-03-07');
    fireEvent.click(container.querySelector('button.audit-search') as HTMLButtonElement);

    await waitFor(() =>
      expect(lastAuditCall(call)).toEqual({
        token: TEST_TOKEN,
        pageSize: AUDIT_LOG_PAGE_SIZE,
        actorId: 'owner',
        action: 'setAdminRole',
        targetType: 'admin',
        targetId: 'li.na',
        fromDay: '2025-03-01',
        toDay: '2025-03-07',
      }),
    );

    fireEvent.click(container.querySelector('button.audit-reset') as HTMLButtonElement);
    await waitFor(() => expect(lastAuditCall(call)).toEqual({ token: TEST_TOKEN, pageSize: AUDIT_LOG_PAGE_SIZE }));
    expect((container.querySelector('.audit-actor input') as HTMLInputElement).value).toBe('');
  });

  it('takes an action the page has no label for, typed as the server names it', async () => {
    const { client, call } = auditClient();
    const { container } = renderPage(client);
    await screen.findByText('新建账号');

    await chooseOption(container.querySelector('.audit-action') as HTMLElement, 'tuneProgramme', 'tuneProgramme');
    fireEvent.click(container.querySelector('button.audit-search') as HTMLButtonElement);

    await waitFor(() => expect(lastAuditCall(call)).toEqual({ token: TEST_TOKEN, pageSize: AUDIT_LOG_PAGE_SIZE, action: 'tuneProgramme' }));
  });

  it('pages forward with the cursor and back again, keeping the filter', async () => {
    const { client, call } = auditClient();
    const { container } = renderPage(client);
    await screen.findByText('新建账号');
    await chooseOption(container.querySelector('.audit-action') as HTMLElement, '修改密码');
    fireEvent.click(container.querySelector('button.audit-search') as HTMLButtonElement);
    await waitFor(() =>
      expect(lastAuditCall(call)).toEqual({ token: TEST_TOKEN, pageSize: AUDIT_LOG_PAGE_SIZE, action: 'changePassword' }),
    );
    await screen.findByText('新建账号', { selector: '.audit-action-text' });

    fireEvent.click(container.querySelector('button.audit-log-next') as HTMLButtonElement);
    expect(await screen.findByText('修改密码', { selector: '.audit-action-text' })).toBeTruthy();
    expect(lastAuditCall(call)).toEqual({ token: TEST_TOKEN, pageSize: AUDIT_LOG_PAGE_SIZE, action: 'changePassword', cursor: 'cursor-2' });
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect((container.querySelector('button.audit-log-next') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(container.querySelector('button.audit-log-prev') as HTMLButtonElement);
    expect(await screen.findByText('新建账号', { selector: '.audit-action-text' })).toBeTruthy();
    expect(lastAuditCall(call)).toEqual({ token: TEST_TOKEN, pageSize: AUDIT_LOG_PAGE_SIZE, action: 'changePassword' });
  });

  it('says so when nothing matches, and shows a failed load with a retry', async () => {
    let failures = 1;
    const { client } = auditClient({
      listAuditLog: async () => {
        if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
        return { items: [], nextCursor: null };
      },
    });
    const { container } = renderPage(client);

    expect(await screen.findByText('操作日志加载失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('还没有操作记录')).toBeTruthy();

    fireEvent.change(container.querySelector('.audit-target-id input') as HTMLInputElement, { target: { value: 'nobody' } });
    fireEvent.click(container.querySelector('button.audit-search') as HTMLButtonElement);
    expect(await screen.findByText('没有符合条件的操作记录')).toBeTruthy();
  });
});
