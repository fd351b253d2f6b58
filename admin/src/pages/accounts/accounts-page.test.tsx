import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DAY_MS } from '~/core/calendar/durations';
import type { AdminAccountRow } from '~/types/functions/admin-accounts';
import type { StoreRow } from '~/types/functions/admin-staff';
import { AdminApiError } from '../../api/client';
import type { AdminClient } from '../../api/client';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { AccountsPage } from './accounts-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

// 02:00 UTC is 10:00 in Asia/Shanghai.
const CREATED_AT = Date.UTC(2025, 2, 1, 2, 0);

const stores: StoreRow[] = [
  { storeId: 'jingan', name: '静安嘉里店', address: '上海市静安区南京西路 1515 号', status: 'open' },
  { storeId: 'xuhui', name: '徐汇滨江店', address: '上海市徐汇区龙腾大道 2555 号', status: 'open' },
];

function account(username: string, overrides: Partial<AdminAccountRow> = {}): AdminAccountRow {
  return {
    username,
    role: 'operator',
    storeId: null,
    status: 'active',
    mustChangePassword: false,
    createdAt: CREATED_AT,
    lastLoginAt: CREATED_AT + DAY_MS,
    ...overrides,
  };
}

const owner = account('owner', { role: 'owner' });
const operator = account('li.na');
const manager = account('wang.qiang', { role: 'storeManager', storeId: 'xuhui', mustChangePassword: true, lastLoginAt: null });
const retired = account('zhao.min', { role: 'support', status: 'disabled' });

function accountsClient(actions: ActionHandlers = {}) {
  return pageClient(
    { listStores: async () => ({ items: stores }), listAdmins: async () => ({ items: [owner, operator, manager, retired] }) },
    actions,
  );
}

const renderPage = (client: AdminClient, onSessionLost?: () => void) => renderSignedIn(<AccountsPage />, client, { onSessionLost });

function rowOf(username: string): HTMLElement {
  return screen.getByText(username, { selector: '.account-username' }).closest('tr') as HTMLElement;
}

function popconfirm(title: string): HTMLElement {
  return screen.getByText(title).closest('.ant-popover') as HTMLElement;
}

describe('AccountsPage', () => {
  it('lists the accounts with role, store, status and last sign-in, and no buttons on the owner’s own row', async () => {
    const { client, call } = accountsClient();
    const { container } = renderPage(client);

    const table = container.querySelector('.accounts-table') as HTMLElement;
    await within(table).findByText('li.na');
    expect(call).toHaveBeenCalledWith('listAdmins', { token: TEST_TOKEN }, expect.objectContaining({ signal: expect.anything() }));
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['用户名', '角色', '门店', '状态', '最近登录', '操作']);

    const own = rowOf('owner');
    expect(within(own).getByText('我')).toBeTruthy();
    expect(within(own).getByText('所有者')).toBeTruthy();
    expect(within(own).getByText('当前登录的账号')).toBeTruthy();
    expect(within(own).queryByRole('button')).toBeNull();

    const active = rowOf('li.na');
    expect(within(active).getByText('运营')).toBeTruthy();
    expect(within(active).getByText('—')).toBeTruthy();
    expect(within(active).getByText('正常')).toBeTruthy();
    expect(within(active).getByText('2025-03-02 10:00')).toBeTruthy();
    expect(within(active).getByRole('button', { name: '更改角色' })).toBeTruthy();
    expect(within(active).getByRole('button', { name: '重置密码' })).toBeTruthy();
    expect(within(active).getByRole('button', { name: /停\s*用/ })).toBeTruthy();

    const storeManager = rowOf('wang.qiang');
    expect(within(storeManager).getByText('门店经理')).toBeTruthy();
    await within(storeManager).findByText('徐汇滨江店');
    expect(within(storeManager).getByText('待修改初始密码')).toBeTruthy();
    expect(within(storeManager).getByText('从未登录')).toBeTruthy();

    const disabled = rowOf('zhao.min');
    expect(within(disabled).getByText('已停用')).toBeTruthy();
    expect(within(disabled).getByRole('button', { name: /启\s*用/ })).toBeTruthy();
  });

  it('creates a store manager and shows the one-time password once, with what to do with it', async () => {
    const createAdmin = jest.fn<ActionHandler>(async () => ({
      ...account('chen.jie', { role: 'storeManager', storeId: 'jingan', mustChangePassword: true, lastLoginAt: null }),
      oneTimePassword: 'Xq7-pL2mN9aZ',
    }));
    const { client, call } = accountsClient({ createAdmin });
    renderPage(client);
    await screen.findByText('li.na');

    fireEvent.click(screen.getByRole('button', { name: /新建账号/ }));
    const dialog = await screen.findByRole('dialog');
    const username = dialog.querySelector('input.new-admin-username') as HTMLInputElement;
    fireEvent.change(username, { target: { value: 'Chen Jie' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '创建账号' }));
    expect(await within(dialog).findByText('用户名为 3–32 位小写字母、数字或 _ . -，以字母开头')).toBeTruthy();

    fireEvent.change(username, { target: { value: 'chen.jie' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: /门店经理/ }));
    await waitFor(() => expect(dialog.querySelector('.admin-store-choice')).not.toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: '创建账号' }));
    expect(await within(dialog).findByText('门店经理需要选择门店')).toBeTruthy();
    expect(createAdmin).not.toHaveBeenCalled();

    await chooseOption(dialog.querySelector('.admin-store-choice') as HTMLElement, '静安嘉里店');
    const listsBefore = callsOf(call, 'listAdmins').length;
    fireEvent.click(within(dialog).getByRole('button', { name: '创建账号' }));

    await waitFor(() =>
      expect(createAdmin).toHaveBeenCalledWith('createAdmin', {
        token: TEST_TOKEN,
        username: 'chen.jie',
        role: 'storeManager',
        storeId: 'jingan',
      }),
    );
    expect((await within(dialog).findByText('Xq7-pL2mN9aZ')).className).toContain('one-time-password');
    expect(within(dialog).getByText('账号已创建')).toBeTruthy();
    expect(within(dialog).getByText('请把初始密码当面或通过安全渠道交给账号使用人')).toBeTruthy();
    expect(within(dialog).getByText(/初始密码只显示这一次/)).toBeTruthy();
    expect(within(dialog).getByText(/首次登录时必须修改密码/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '复制初始密码' })).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listAdmins').length).toBe(listsBefore + 1));

    fireEvent.click(within(dialog).getByRole('button', { name: '我已交给对方' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('creates an operator without a store, and keeps the dialog open with the server’s reason when the name is taken', async () => {
    const createAdmin = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('CONFLICT', '账号 li.na 已存在');
    });
    const { client } = accountsClient({ createAdmin });
    renderPage(client);
    await screen.findByText('li.na');

    fireEvent.click(screen.getByRole('button', { name: /新建账号/ }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByRole('radio', { name: /运营/ }) as HTMLInputElement).checked).toBe(true);
    expect(dialog.querySelector('.admin-store-choice')).toBeNull();
    fireEvent.change(dialog.querySelector('input.new-admin-username') as HTMLInputElement, { target: { value: ' li.na ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '创建账号' }));

    await waitFor(() =>
      expect(createAdmin).toHaveBeenCalledWith('createAdmin', { token: TEST_TOKEN, username: 'li.na', role: 'operator' }),
    );
    expect(await within(dialog).findByText('账号 li.na 已存在')).toBeTruthy();
    expect(dialog.querySelector('.one-time-password')).toBeNull();
  });

  it('disables an account only after confirming, then refreshes the list', async () => {
    const setAdminStatus = jest.fn<ActionHandler>(async () => ({ ...operator, status: 'disabled' }) satisfies AdminAccountRow);
    const { client, call } = accountsClient({ setAdminStatus });
    renderPage(client);
    await screen.findByText('li.na');

    fireEvent.click(within(rowOf('li.na')).getByRole('button', { name: /停\s*用/ }));
    const confirm = await waitFor(() => popconfirm('停用账号「li.na」？'));
    expect(within(confirm).getByText('停用后该账号立即退出登录，且不能再登录；可随时重新启用')).toBeTruthy();
    expect(setAdminStatus).not.toHaveBeenCalled();
    const listsBefore = callsOf(call, 'listAdmins').length;
    fireEvent.click(within(confirm).getByRole('button', { name: '确认停用' }));

    await waitFor(() =>
      expect(setAdminStatus).toHaveBeenCalledWith('setAdminStatus', { token: TEST_TOKEN, username: 'li.na', status: 'disabled' }),
    );
    expect(await screen.findByText('已停用账号「li.na」')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listAdmins').length).toBe(listsBefore + 1));
  });

  it('enables a disabled account after confirming, and shows a refused change in the server’s words', async () => {
    let refuse = false;
    const setAdminStatus = jest.fn<ActionHandler>(async () => {
      if (refuse) throw new AdminApiError('NOT_FOUND', '没有账号 zhao.min');
      return { ...retired, status: 'active' } satisfies AdminAccountRow;
    });
    const { client } = accountsClient({ setAdminStatus });
    const { container } = renderPage(client);
    await screen.findByText('zhao.min');

    fireEvent.click(within(rowOf('zhao.min')).getByRole('button', { name: /启\s*用/ }));
    fireEvent.click(within(await waitFor(() => popconfirm('启用账号「zhao.min」？'))).getByRole('button', { name: '确认启用' }));
    await waitFor(() =>
      expect(setAdminStatus).toHaveBeenCalledWith('setAdminStatus', { token: TEST_TOKEN, username: 'zhao.min', status: 'active' }),
    );
    expect(await screen.findByText('已启用账号「zhao.min」')).toBeTruthy();

    refuse = true;
    fireEvent.click(within(rowOf('zhao.min')).getByRole('button', { name: /启\s*用/ }));
    const confirms = await waitFor(() => {
      const found = screen.getAllByText('启用账号「zhao.min」？');
      return found[found.length - 1]?.closest('.ant-popover') as HTMLElement;
    });
    fireEvent.click(within(confirms).getByRole('button', { name: '确认启用' }));
    await waitFor(() => expect(container.querySelector('.account-action-error')).not.toBeNull());
    expect(container.querySelector('.account-action-error')?.textContent).toContain('启用账号「zhao.min」未成功：没有账号 zhao.min');
  });

  it('resets a password after confirming and shows the new one-time password', async () => {
    const resetAdminPassword = jest.fn<ActionHandler>(async () => ({
      ...operator,
      mustChangePassword: true,
      oneTimePassword: 'Rr8-newOne42',
    }));
    const { client } = accountsClient({ resetAdminPassword });
    renderPage(client);
    await screen.findByText('li.na');

    fireEvent.click(within(rowOf('li.na')).getByRole('button', { name: '重置密码' }));
    const confirm = await waitFor(() => popconfirm('重置「li.na」的密码？'));
    expect(resetAdminPassword).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByRole('button', { name: '确认重置' }));

    await waitFor(() => expect(resetAdminPassword).toHaveBeenCalledWith('resetAdminPassword', { token: TEST_TOKEN, username: 'li.na' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('密码已重置')).toBeTruthy();
    expect(within(dialog).getByText('Rr8-newOne42').className).toContain('one-time-password');
    fireEvent.click(within(dialog).getByRole('button', { name: '我已交给对方' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('changes a store manager into an operator, with no store sent', async () => {
    const setAdminRole = jest.fn<ActionHandler>(async () => ({ ...manager, role: 'operator', storeId: null }) satisfies AdminAccountRow);
    const { client } = accountsClient({ setAdminRole });
    renderPage(client);
    await screen.findByText('wang.qiang');

    fireEvent.click(within(rowOf('wang.qiang')).getByRole('button', { name: '更改角色' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('更改角色 · wang.qiang')).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: /门店经理/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText('徐汇滨江店')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('radio', { name: /运营/ }));
    await waitFor(() => expect(dialog.querySelector('.admin-store-choice')).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: '确认更改' }));

    await waitFor(() =>
      expect(setAdminRole).toHaveBeenCalledWith('setAdminRole', { token: TEST_TOKEN, username: 'wang.qiang', role: 'operator' }),
    );
    expect(await screen.findByText('「wang.qiang」的角色已改为运营，需重新登录后生效')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a failed list with a retry, and signs out when the session has expired', async () => {
    let failures = 1;
    const onSessionLost = jest.fn();
    const { client } = accountsClient({
      listAdmins: async () => {
        if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
        return { items: [owner, operator] };
      },
      setAdminStatus: async () => {
        throw new AdminApiError('SESSION_EXPIRED', 'expired');
      },
    });
    renderPage(client, onSessionLost);

    expect(await screen.findByText('账号列表加载失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    await screen.findByText('li.na');

    fireEvent.click(within(rowOf('li.na')).getByRole('button', { name: /停\s*用/ }));
    fireEvent.click(within(await waitFor(() => popconfirm('停用账号「li.na」？'))).getByRole('button', { name: '确认停用' }));
    await waitFor(() => expect(onSessionLost).toHaveBeenCalledWith('登录已过期，请重新登录'));
  });
});
