import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DAY_MS } from '~/core/calendar/durations';
import type { StaffInviteView, StaffRow, StoreRow } from '~/types/functions/admin-staff';
import { AdminApiError } from '../../api/client';
import type { AdminClient, AdminPayload } from '../../api/client';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { StaffPage } from './staff-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

// 02:00 UTC is 10:00 in Asia/Shanghai.
const BOUND_AT = Date.UTC(2025, 2, 1, 2, 0);

const stores: StoreRow[] = [
  { storeId: 'jingan', name: '静安嘉里店', address: '上海市静安区南京西路 1515 号', status: 'open' },
  { storeId: 'xuhui', name: '徐汇滨江店', address: '上海市徐汇区龙腾大道 2555 号', status: 'open' },
  { storeId: 'laoximen', name: '老西门店', address: '上海市黄浦区中华路 1 号', status: 'closed' },
];

function staffRow(n: number, overrides: Partial<StaffRow> = {}): StaffRow {
  return {
    staffId: `o-staff-${n}`,
    nickname: `店员${n}`,
    storeId: 'jingan',
    storeName: '静安嘉里店',
    role: 'cashier',
    status: 'active',
    createdAt: BOUND_AT,
    disabledAt: null,
    ...overrides,
  };
}

const cashier = staffRow(1, { nickname: '小林' });
const manager = staffRow(2, {
  nickname: '阿强',
  storeId: 'xuhui',
  storeName: '徐汇滨江店',
  role: 'manager',
  status: 'disabled',
  createdAt: BOUND_AT - DAY_MS,
  disabledAt: BOUND_AT + DAY_MS,
});

function staffClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listStores: async () => ({ items: stores }),
      listStaff: async (_action, payload) => {
        const { storeId } = payload as AdminPayload<'listStaff'>;
        return { items: [cashier, manager].filter((row) => storeId === undefined || row.storeId === storeId) };
      },
    },
    actions,
  );
}

const renderPage = (client: AdminClient, onSessionLost?: () => void) => renderSignedIn(<StaffPage />, client, { onSessionLost });

function rowOf(nickname: string): HTMLElement {
  return screen.getByText(nickname).closest('tr') as HTMLElement;
}

describe('StaffPage', () => {
  it('lists the staff of every store with store, role, status and when they bound, and narrows to one store', async () => {
    const { client, call } = staffClient();
    const { container } = renderPage(client);

    const table = container.querySelector('.staff-table') as HTMLElement;
    await within(table).findByText('小林');
    expect(call).toHaveBeenCalledWith('listStores', { token: TEST_TOKEN }, expect.objectContaining({ signal: expect.anything() }));
    expect(call).toHaveBeenCalledWith('listStaff', { token: TEST_TOKEN }, expect.objectContaining({ signal: expect.anything() }));
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['昵称', '门店', '角色', '状态', '绑定时间', '操作']);

    const active = rowOf('小林');
    expect(within(active).getByText('静安嘉里店')).toBeTruthy();
    expect(within(active).getByText('收银员')).toBeTruthy();
    expect(within(active).getByText('在职')).toBeTruthy();
    expect(within(active).getByText('2025-03-01 10:00')).toBeTruthy();
    expect(within(active).getByRole('button', { name: /停\s*用/ })).toBeTruthy();
    expect(within(active).queryByRole('button', { name: /启\s*用/ })).toBeNull();

    const disabled = rowOf('阿强');
    expect(within(disabled).getByText('徐汇滨江店')).toBeTruthy();
    expect(within(disabled).getByText('店长')).toBeTruthy();
    expect(within(disabled).getByText('已停用')).toBeTruthy();
    expect(within(disabled).getByText('2025-02-28 10:00')).toBeTruthy();
    expect(within(disabled).getByText('停用于 2025-03-02 10:00')).toBeTruthy();
    expect(within(disabled).getByRole('button', { name: /启\s*用/ })).toBeTruthy();

    await chooseOption(container.querySelector('.staff-store-filter') as HTMLElement, '徐汇滨江店');
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('listStaff', { token: TEST_TOKEN, storeId: 'xuhui' }, expect.anything()));
    await waitFor(() => expect(screen.queryByText('小林')).toBeNull());
    expect(screen.getByText('阿强')).toBeTruthy();
  });

  it('creates an invite for the chosen store and role and shows the code with its expiry and what the employee does', async () => {
    const invite: StaffInviteView = { code: 'K7MP3QXA', storeId: 'xuhui', storeName: '徐汇滨江店', role: 'manager', expiresAt: BOUND_AT };
    const createStaffInvite = jest.fn<ActionHandler>(async () => invite);
    const { client } = staffClient({ createStaffInvite });
    const { container } = renderPage(client);
    await screen.findByText('小林');

    fireEvent.click(screen.getByRole('button', { name: /生成邀请码/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('生成店员邀请码')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认生成' }));
    expect(await within(dialog).findByText('请选择门店')).toBeTruthy();
    expect(createStaffInvite).not.toHaveBeenCalled();

    await chooseOption(dialog.querySelector('.invite-store') as HTMLElement, '徐汇滨江店');
    expect(Array.from(document.querySelectorAll('.ant-select-item-option'), (option) => option.textContent)).not.toContain('老西门店');
    fireEvent.click(within(dialog).getByRole('radio', { name: '店长' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认生成' }));

    await waitFor(() =>
      expect(createStaffInvite).toHaveBeenCalledWith('createStaffInvite', { token: TEST_TOKEN, storeId: 'xuhui', role: 'manager' }),
    );
    expect((await within(dialog).findByText('K7MP3QXA')).className).toContain('invite-code');
    expect(within(dialog).getByText('徐汇滨江店 · 店长')).toBeTruthy();
    expect(within(dialog).getByText('24小时内有效，仅可使用一次（有效期至 2025-03-01 10:00）')).toBeTruthy();
    expect(within(dialog).getByText('在小程序「我的资料」页底部点「店员入口」，输入邀请码')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '复制邀请码' })).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: '再生成一个' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: '确认生成' }));
    await waitFor(() => expect(createStaffInvite).toHaveBeenCalledTimes(2));
    expect(createStaffInvite).toHaveBeenLastCalledWith('createStaffInvite', { token: TEST_TOKEN, storeId: 'xuhui', role: 'manager' });
    await within(dialog).findByText('K7MP3QXA');

    fireEvent.click(within(dialog).getByRole('button', { name: /完\s*成/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(container.querySelector('.staff-table')).not.toBeNull();
  });

  it('starts an invite at the store the list shows, and keeps the dialog open with the server’s reason when refused', async () => {
    const createStaffInvite = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('INVALID_STATE', '门店「静安嘉里店」已关闭');
    });
    const { client, call } = staffClient({ createStaffInvite });
    const { container } = renderPage(client);
    await screen.findByText('小林');
    await chooseOption(container.querySelector('.staff-store-filter') as HTMLElement, '静安嘉里店');
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('listStaff', { token: TEST_TOKEN, storeId: 'jingan' }, expect.anything()));

    fireEvent.click(screen.getByRole('button', { name: /生成邀请码/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认生成' }));

    await waitFor(() =>
      expect(createStaffInvite).toHaveBeenCalledWith('createStaffInvite', { token: TEST_TOKEN, storeId: 'jingan', role: 'cashier' }),
    );
    expect(await within(dialog).findByText('门店「静安嘉里店」已关闭')).toBeTruthy();
    expect(dialog.querySelector('.invite-code')).toBeNull();
  });

  it('disables a staff member only after confirming, then refreshes the list', async () => {
    const setStaffStatus = jest.fn<ActionHandler>(
      async () => ({ ...cashier, status: 'disabled', disabledAt: BOUND_AT + DAY_MS }) satisfies StaffRow,
    );
    const { client, call } = staffClient({ setStaffStatus });
    renderPage(client);
    await screen.findByText('小林');

    fireEvent.click(within(rowOf('小林')).getByRole('button', { name: /停\s*用/ }));
    const confirm = (await screen.findByText('停用店员「小林」？')).closest('.ant-popover') as HTMLElement;
    expect(within(confirm).getByText('停用后，该店员下次操作时即被拒绝；可随时重新启用')).toBeTruthy();
    expect(setStaffStatus).not.toHaveBeenCalled();
    const listsBefore = callsOf(call, 'listStaff').length;
    fireEvent.click(within(confirm).getByRole('button', { name: '确认停用' }));

    await waitFor(() =>
      expect(setStaffStatus).toHaveBeenCalledWith('setStaffStatus', { token: TEST_TOKEN, staffId: cashier.staffId, status: 'disabled' }),
    );
    expect(await screen.findByText('已停用店员「小林」')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listStaff').length).toBe(listsBefore + 1));
  });

  it('enables a disabled staff member at once, and shows a refused change in the server’s words', async () => {
    let refuse = false;
    const setStaffStatus = jest.fn<ActionHandler>(async () => {
      if (refuse) throw new AdminApiError('NOT_FOUND', '没有这位店员');
      return { ...manager, status: 'active', disabledAt: null } satisfies StaffRow;
    });
    const { client, call } = staffClient({ setStaffStatus });
    const { container } = renderPage(client);
    await screen.findByText('阿强');

    const listsBefore = callsOf(call, 'listStaff').length;
    fireEvent.click(within(rowOf('阿强')).getByRole('button', { name: /启\s*用/ }));
    await waitFor(() =>
      expect(setStaffStatus).toHaveBeenCalledWith('setStaffStatus', { token: TEST_TOKEN, staffId: manager.staffId, status: 'active' }),
    );
    expect(await screen.findByText('已启用店员「阿强」')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listStaff').length).toBe(listsBefore + 1));

    refuse = true;
    fireEvent.click(within(rowOf('阿强')).getByRole('button', { name: /启\s*用/ }));
    await waitFor(() => expect(container.querySelector('.staff-action-error')).not.toBeNull());
    expect(container.querySelector('.staff-action-error')?.textContent).toContain('启用店员「阿强」未成功：没有这位店员');
  });

  it('says so when there are no staff, and shows a failed load with a retry', async () => {
    let failures = 1;
    const { client } = staffClient({
      listStaff: async () => {
        if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
        return { items: [] };
      },
    });
    renderPage(client);

    expect(await screen.findByText('店员列表加载失败')).toBeTruthy();
    expect(screen.getByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('还没有店员，点「生成邀请码」邀请店员绑定')).toBeTruthy();
  });

  it('offers no invite without an open store, and signs out when the session has expired', async () => {
    const onSessionLost = jest.fn();
    const { client } = staffClient({
      listStores: async () => ({ items: [stores[2]] }),
      setStaffStatus: async () => {
        throw new AdminApiError('SESSION_EXPIRED', 'expired');
      },
    });
    renderPage(client, onSessionLost);
    await screen.findByText('小林');

    expect(await screen.findByText('还没有营业中的门店，暂时无法邀请店员')).toBeTruthy();
    expect((screen.getByRole('button', { name: /生成邀请码/ }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(rowOf('阿强')).getByRole('button', { name: /启\s*用/ }));
    await waitFor(() => expect(onSessionLost).toHaveBeenCalledWith('登录已过期，请重新登录'));
  });

  it('shows a failed store list with a retry, and offers invites once the stores are back', async () => {
    let failures = 1;
    const { client } = staffClient({
      listStores: async () => {
        if (failures-- > 0) throw new AdminApiError('INTERNAL', 'boom');
        return { items: stores };
      },
    });
    const { container } = renderPage(client);
    await screen.findByText('小林');
    const invite = container.querySelector('button.staff-invite-button') as HTMLButtonElement;

    const alert = (await screen.findByText('门店列表加载失败')).closest('.stores-error') as HTMLElement;
    expect(invite.disabled).toBe(true);
    fireEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    await waitFor(() => expect(invite.disabled).toBe(false));
    expect(container.querySelector('.stores-error')).toBeNull();
  });
});
