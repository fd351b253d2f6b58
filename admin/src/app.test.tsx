import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HOUR_MS } from '~/core/calendar/durations';
import type { AdminSession } from '~/types/functions/admin';
import { AdminApiError } from './api/client';
import { App } from './app';
import { SESSION_STORAGE_KEY } from './session/session-store';
import { mockClient } from './test/mock-client';
import { renderWithProviders } from './test/render-with-providers';

const liveSession: AdminSession = {
  token: 'tok_0123456789abcdef',
  expiresAt: Date.now() + HOUR_MS,
  admin: { username: 'ops-lead', role: 'owner', storeId: null, mustChangePassword: false },
};
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

describe('App', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => window.localStorage.clear());

  it('signs in, stores the session and shows the members page in the layout', async () => {
    const { client } = mockClient(async (action) => (action === 'login' ? liveSession : page));
    const { container } = renderWithProviders(<App />, { client });

    fireEvent.change(container.querySelector('#username') as HTMLInputElement, { target: { value: 'ops-lead' } });
    fireEvent.change(container.querySelector('#password') as HTMLInputElement, { target: { value: 'secret' } });
    fireEvent.click(container.querySelector('.login-submit') as HTMLButtonElement);

    expect(await screen.findByText('LM00000001')).toBeTruthy();
    expect(screen.getByText('ops-lead')).toBeTruthy();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      '会员',
      '积分对账',
      '商品',
      '订单',
      '退款',
      '优惠券',
      '门店与店员',
      '任务运行',
    ]);
    expect(JSON.parse(window.localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(liveSession);
  });

  it('returns to the login screen with a message when the server says the session expired', async () => {
    window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(liveSession));
    const { client } = mockClient(async () => {
      throw new AdminApiError('SESSION_EXPIRED', 'session expired');
    });
    const { container } = renderWithProviders(<App />, { client });

    expect(await screen.findByText('登录已过期，请重新登录')).toBeTruthy();
    expect(container.querySelector('.login-submit')).not.toBeNull();
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('treats a stored session past expiresAt as logged out', () => {
    window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...liveSession, expiresAt: Date.now() - 1 }));
    const { client, call } = mockClient(async () => page);
    const { container } = renderWithProviders(<App />, { client });

    expect(container.querySelector('.login-submit')).not.toBeNull();
    expect(call).not.toHaveBeenCalled();
  });

  it('signs out from the header', async () => {
    window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(liveSession));
    const { client } = mockClient(async () => page);
    const { container } = renderWithProviders(<App />, { client });

    await screen.findByText('LM00000001');
    fireEvent.click(container.querySelector('.logout-button') as HTMLButtonElement);

    await waitFor(() => expect(container.querySelector('.login-submit')).not.toBeNull());
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
