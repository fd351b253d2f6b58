import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MINUTE_MS } from '~/core/calendar/durations';
import type { AdminSession } from '~/types/functions/admin';
import { AdminApiError } from '../../api/client';
import { TEST_TOKEN, mockClient } from '../../test/mock-client';
import { renderWithProviders } from '../../test/render-with-providers';
import { LoginPage } from './login-page';

const session: AdminSession = {
  token: TEST_TOKEN,
  expiresAt: Date.UTC(2030, 0, 1),
  admin: { username: 'ops', role: 'owner', storeId: null, mustChangePassword: false },
};

function fillAndSubmit(container: HTMLElement, username: string, password: string) {
  fireEvent.change(container.querySelector('#username') as HTMLInputElement, { target: { value: username } });
  fireEvent.change(container.querySelector('#password') as HTMLInputElement, { target: { value: password } });
  fireEvent.click(container.querySelector('.login-submit') as HTMLButtonElement);
}

describe('LoginPage', () => {
  it('shows the product name and the stable selectors end-to-end tests rely on', () => {
    const { client } = mockClient(async () => session);
    const { container } = renderWithProviders(<LoginPage onLogin={jest.fn()} />, { client });

    expect(screen.getByText('Loyalty Mall 会员运营后台')).toBeTruthy();
    expect(container.querySelector('input#username')).not.toBeNull();
    expect(container.querySelector('input#password[type="password"]')).not.toBeNull();
    expect(container.querySelector('button.login-submit[type="submit"]')).not.toBeNull();
  });

  it('shows the credentials error and stays on the form when the server rejects them', async () => {
    const { client, call } = mockClient(async () => {
      throw new AdminApiError('INVALID_CREDENTIALS', 'invalid username or password');
    });
    const onLogin = jest.fn();
    const { container } = renderWithProviders(<LoginPage onLogin={onLogin} />, { client });

    fillAndSubmit(container, 'ops', 'wrong-password');

    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('login', { username: 'ops', password: 'wrong-password' }, undefined);
    expect(onLogin).not.toHaveBeenCalled();
  });

  it('says how many minutes to wait when the server throttles sign-in attempts', async () => {
    const { client } = mockClient(async () => {
      throw new AdminApiError('TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retryAfterMs: 14 * MINUTE_MS + 1_000 });
    });
    const onLogin = jest.fn();
    const { container } = renderWithProviders(<LoginPage onLogin={onLogin} />, { client });

    fillAndSubmit(container, 'ops', 'guess');

    expect(await screen.findByText('尝试次数过多，请 15 分钟后再试')).toBeTruthy();
    expect(onLogin).not.toHaveBeenCalled();
  });

  it('says how many seconds to wait when the wait is under a minute', async () => {
    const { client } = mockClient(async () => {
      throw new AdminApiError('TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retryAfterMs: 1_500 });
    });
    const { container } = renderWithProviders(<LoginPage onLogin={jest.fn()} />, { client });

    fillAndSubmit(container, 'ops', 'guess');

    expect(await screen.findByText('尝试次数过多，请 2 秒后再试')).toBeTruthy();
  });

  it('says so when the account has been disabled', async () => {
    const { client } = mockClient(async () => {
      throw new AdminApiError('FORBIDDEN', '该账号已停用');
    });
    const { container } = renderWithProviders(<LoginPage onLogin={jest.fn()} />, { client });

    fillAndSubmit(container, 'ops', 'correct horse');

    expect(await screen.findByText('该账号已停用，如需恢复请联系品牌所有者')).toBeTruthy();
  });

  it('hands the session to onLogin when the credentials are good', async () => {
    const { client, call } = mockClient(async () => session);
    const onLogin = jest.fn();
    const { container } = renderWithProviders(<LoginPage onLogin={onLogin} />, { client });

    fillAndSubmit(container, '  ops  ', 'correct horse');

    await waitFor(() => expect(onLogin).toHaveBeenCalledWith(session));
    expect(call).toHaveBeenCalledWith('login', { username: 'ops', password: 'correct horse' }, undefined);
  });

  it('validates the form before calling the server', async () => {
    const { client, call } = mockClient(async () => session);
    const { container } = renderWithProviders(<LoginPage onLogin={jest.fn()} />, { client });

    fireEvent.click(container.querySelector('.login-submit') as HTMLButtonElement);

    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();
  });

  it('shows why the admin was sent back to the login screen', () => {
    const { client } = mockClient(async () => session);
    renderWithProviders(<LoginPage onLogin={jest.fn()} notice="登录已过期，请重新登录" />, { client });

    expect(screen.getByText('登录已过期，请重新登录')).toBeTruthy();
  });
});
