import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HOUR_MS } from '~/core/calendar/durations';
import type { AdminRole } from '~/types/documents';
import type { AdminSession } from '~/types/functions/admin';
import { AdminApiError } from './api/client';
import type { AdminAction } from './api/client';
import { App } from './app';
import { dashboardView } from './pages/dashboard/dashboard-fixtures';
import { SESSION_STORAGE_KEY } from './session/session-store';
import { TEST_TOKEN, mockClient, pageClient } from './test/mock-client';
import type { ActionHandler, ActionHandlers } from './test/mock-client';
import { renderWithProviders } from './test/render-with-providers';

// The first test loads the signed-in area (every page and its Ant Design parts) on demand, which
// takes several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

const liveSession: AdminSession = {
  token: TEST_TOKEN,
  expiresAt: Date.now() + HOUR_MS,
  admin: { username: 'ops-lead', role: 'owner', storeId: null, mustChangePassword: false },
};
const freshSession: AdminSession = { ...liveSession, token: 'tok_fedcba9876543210' };
const page = {
  items: [
    {
      memberId: 'm1',
      memberNo: 'LM00000001',
      nickname: '小林',
      tierId: 'gold',
      tierName: '金卡会员',
      pointsAvailable: 320,
      joinedAt: Date.UTC(2024, 2, 1),
    },
  ],
  nextCursor: null,
};

/** A server that answers every list with one member row (or nothing), and the given actions as told. */
function appClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      login: async () => liveSession,
      logout: async () => ({ loggedOut: true }),
      listMembers: async () => page,
      getDashboard: async () => dashboardView(),
    },
    actions,
    async () => ({ items: [], nextCursor: null }),
  );
}

function storeSession(session: AdminSession) {
  window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

function storedSession(): AdminSession | null {
  return JSON.parse(window.localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null') as AdminSession | null;
}

function asRole(role: AdminRole, storeId: string | null = null): AdminSession {
  return { ...liveSession, admin: { ...liveSession.admin, role, storeId } };
}

async function menuLabels(): Promise<Array<string | null>> {
  const menu = await screen.findByRole('menu', {}, { timeout: 20_000 });
  return within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);
}

function fillPasswords(container: HTMLElement, { old, next, confirm }: { old: string; next: string; confirm: string }) {
  const form = container.querySelector('.password-change-form') ?? document.querySelector('.password-change-form');
  const input = (id: string) => (form as HTMLElement).querySelector(`input#${id}`) as HTMLInputElement;
  fireEvent.change(input('oldPassword'), { target: { value: old } });
  fireEvent.change(input('newPassword'), { target: { value: next } });
  fireEvent.change(input('confirmPassword'), { target: { value: confirm } });
  fireEvent.click((form as HTMLElement).querySelector('.password-submit') as HTMLButtonElement);
}

/** The menu an owner sees, in order. */
const OWNER_MENU = [
  '数据看板',
  '会员',
  '标签',
  '分群',
  '积分审批',
  '积分对账',
  '商品',
  '分类与横幅',
  '积分商城',
  '订单',
  '退款',
  '优惠券',
  '营销活动',
  '门店与店员',
  '规则设置',
  '任务运行',
  '数据导出',
  '账号管理',
  '操作日志',
];
/** Operators and analysts see everything but the accounts page. */
const PROGRAMME_MENU = OWNER_MENU.filter((label) => label !== '账号管理');

describe('App', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => window.localStorage.clear());

  it('signs in, stores the session and shows the dashboard first, with every page an owner may open', async () => {
    const { client } = appClient();
    const { container } = renderWithProviders(<App />, { client });

    fireEvent.change(container.querySelector('#username') as HTMLInputElement, { target: { value: 'ops-lead' } });
    fireEvent.change(container.querySelector('#password') as HTMLInputElement, { target: { value: 'secret' } });
    fireEvent.click(container.querySelector('.login-submit') as HTMLButtonElement);

    expect(await screen.findByText('¥12,345.00', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText('ops-lead')).toBeTruthy();
    expect(await menuLabels()).toEqual(OWNER_MENU);
    expect(storedSession()).toEqual(liveSession);
  });

  it.each<[AdminRole, string[], AdminAction]>([
    ['operator', PROGRAMME_MENU, 'getDashboard'],
    ['analyst', PROGRAMME_MENU, 'getDashboard'],
    ['support', ['会员', '标签', '积分审批', '积分商城', '订单', '退款'], 'listMembers'],
    ['storeManager', ['订单', '门店与店员'], 'listOrders'],
  ])('shows %s only the pages the role may list, and opens the first', async (role, labels, firstList) => {
    storeSession(asRole(role, role === 'storeManager' ? 'jingan' : null));
    const { client, call } = appClient();
    renderWithProviders(<App />, { client });

    expect(await menuLabels()).toEqual(labels);
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith(firstList, expect.objectContaining({ token: liveSession.token }), expect.anything()),
    );
    expect(call.mock.calls.map(([action]) => action)).not.toContain('listAdmins');
  });

  it('returns to the login screen with a message when the server says the session expired', async () => {
    storeSession(liveSession);
    const { client } = mockClient(async () => {
      throw new AdminApiError('SESSION_EXPIRED', 'session expired');
    });
    const { container } = renderWithProviders(<App />, { client });

    expect(await screen.findByText('登录已过期，请重新登录', {}, { timeout: 20_000 })).toBeTruthy();
    expect(container.querySelector('.login-submit')).not.toBeNull();
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('treats a stored session past expiresAt as logged out', () => {
    storeSession({ ...liveSession, expiresAt: Date.now() - 1 });
    const { client, call } = mockClient(async () => page);
    const { container } = renderWithProviders(<App />, { client });

    expect(container.querySelector('.login-submit')).not.toBeNull();
    expect(call).not.toHaveBeenCalled();
  });

  it('signs out from the header: the server ends the session first, then the page forgets it', async () => {
    storeSession(liveSession);
    let answerLogout: () => void = () => undefined;
    const logout = jest.fn<ActionHandler>(() => new Promise((resolve) => (answerLogout = () => resolve({ loggedOut: true }))));
    const { client } = appClient({ logout });
    const { container } = renderWithProviders(<App />, { client });

    await screen.findByText('¥12,345.00', {}, { timeout: 20_000 });
    fireEvent.click(container.querySelector('.logout-button') as HTMLButtonElement);

    await waitFor(() => expect(logout).toHaveBeenCalledWith('logout', { token: liveSession.token }));
    expect(storedSession()).toEqual(liveSession);
    answerLogout();
    await waitFor(() => expect(container.querySelector('.login-submit')).not.toBeNull());
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('signs out from the user menu even when the server cannot be reached', async () => {
    storeSession(liveSession);
    const logout = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('NETWORK_ERROR', 'offline');
    });
    const { client } = appClient({ logout });
    const { container } = renderWithProviders(<App />, { client });

    await screen.findByText('¥12,345.00', {}, { timeout: 20_000 });
    fireEvent.click(container.querySelector('.user-menu') as HTMLElement);
    fireEvent.click(await screen.findByText('退出登录', { selector: '.logout-item *' }));

    await waitFor(() => expect(container.querySelector('.login-submit')).not.toBeNull());
    expect(logout).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('asks for a new password instead of the pages while the session is on a one-time password', async () => {
    const mustChange: AdminSession = { ...asRole('operator'), admin: { ...asRole('operator').admin, mustChangePassword: true } };
    storeSession(mustChange);
    const changed: AdminSession = { ...freshSession, admin: { ...mustChange.admin, mustChangePassword: false } };
    const changePassword = jest.fn<ActionHandler>(async () => changed);
    const { client, call } = appClient({ changePassword });
    const { container } = renderWithProviders(<App />, { client });

    expect(screen.getByText('修改初始密码')).toBeTruthy();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(call).not.toHaveBeenCalled();

    fillPasswords(container, { old: 'one-time-pw', next: 'short', confirm: 'short' });
    expect(await screen.findByText('新密码至少 10 个字符')).toBeTruthy();
    fillPasswords(container, { old: 'one-time-pw', next: 'a-long-new-password', confirm: 'another-long-password' });
    expect(await screen.findByText('两次输入的新密码不一致')).toBeTruthy();
    expect(changePassword).not.toHaveBeenCalled();

    fillPasswords(container, { old: 'one-time-pw', next: 'a-long-new-password', confirm: 'a-long-new-password' });
    await waitFor(() =>
      expect(changePassword).toHaveBeenCalledWith('changePassword', {
        token: mustChange.token,
        oldPassword: 'one-time-pw',
        newPassword: 'a-long-new-password',
      }),
    );
    expect(await screen.findByText('¥12,345.00', {}, { timeout: 20_000 })).toBeTruthy();
    expect(storedSession()).toEqual(changed);
    expect(await menuLabels()).not.toContain('账号管理');
    expect(call).toHaveBeenCalledWith('getDashboard', expect.objectContaining({ token: changed.token }), expect.anything());
  });

  it('shows a wrong one-time password, and signs out from the password screen through the server', async () => {
    const mustChange: AdminSession = { ...liveSession, admin: { ...liveSession.admin, mustChangePassword: true } };
    storeSession(mustChange);
    const logout = jest.fn<ActionHandler>(async () => ({ loggedOut: true }));
    const { client } = appClient({
      logout,
      changePassword: async () => {
        throw new AdminApiError('INVALID_CREDENTIALS', '用户名或密码错误');
      },
    });
    const { container } = renderWithProviders(<App />, { client });

    fillPasswords(container, { old: 'wrong', next: 'a-long-new-password', confirm: 'a-long-new-password' });
    expect(await screen.findByText('初始密码不正确')).toBeTruthy();

    fireEvent.click(container.querySelector('.password-logout') as HTMLButtonElement);
    await waitFor(() => expect(container.querySelector('.login-submit')).not.toBeNull());
    expect(logout).toHaveBeenCalledWith('logout', { token: mustChange.token });
  });

  it('asks for a new password whenever a call answers PASSWORD_CHANGE_REQUIRED', async () => {
    storeSession(liveSession);
    const { client } = appClient({
      getDashboard: async () => {
        throw new AdminApiError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
      },
    });
    renderWithProviders(<App />, { client });

    expect(await screen.findByText('修改初始密码', {}, { timeout: 20_000 })).toBeTruthy();
    expect(storedSession()?.admin.mustChangePassword).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('changes the password from the user menu and carries on with the new session', async () => {
    storeSession(liveSession);
    const changePassword = jest.fn<ActionHandler>(async () => freshSession);
    const { client, call } = appClient({ changePassword });
    const { container } = renderWithProviders(<App />, { client });

    await screen.findByText('¥12,345.00', {}, { timeout: 20_000 });
    fireEvent.click(container.querySelector('.user-menu') as HTMLElement);
    fireEvent.click(await screen.findByText('修改密码', { selector: '.change-password-item *' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('当前密码')).toBeTruthy();

    fillPasswords(dialog, { old: 'old-password', next: 'old-password', confirm: 'old-password' });
    expect(await within(dialog).findByText('新密码不能与当前密码相同')).toBeTruthy();
    fillPasswords(dialog, { old: 'old-password', next: 'a-long-new-password', confirm: 'a-long-new-password' });

    await waitFor(() =>
      expect(changePassword).toHaveBeenCalledWith('changePassword', {
        token: liveSession.token,
        oldPassword: 'old-password',
        newPassword: 'a-long-new-password',
      }),
    );
    expect(await screen.findByText('密码已修改，其他设备上的登录已退出')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(storedSession()).toEqual(freshSession);
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith('getDashboard', expect.objectContaining({ token: freshSession.token }), expect.anything()),
    );
  });
});
