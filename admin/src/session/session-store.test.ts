import { beforeEach, describe, expect, it } from '@jest/globals';
import { MINUTE_MS } from '~/core/calendar/durations';
import type { AdminSession } from '~/types/functions/admin';
import { SESSION_STORAGE_KEY, clearSession, isSessionLive, loadSession, saveSession } from './session-store';

const NOW = Date.UTC(2025, 5, 1, 12, 0);
const session: AdminSession = {
  token: 'tok_0123456789abcdef',
  expiresAt: NOW + MINUTE_MS,
  admin: { username: 'ops', role: 'operator', storeId: null, mustChangePassword: false },
};

describe('session store', () => {
  beforeEach(() => window.localStorage.clear());

  it('round-trips a live session under lm_admin_session', () => {
    saveSession(session);
    expect(JSON.parse(window.localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(session);
    expect(loadSession(window.localStorage, NOW)).toEqual(session);

    clearSession();
    expect(loadSession(window.localStorage, NOW)).toBeNull();
  });

  it('treats an expired session as logged out and forgets it', () => {
    saveSession(session);
    expect(isSessionLive(session, session.expiresAt)).toBe(false);
    expect(loadSession(window.localStorage, session.expiresAt + 1)).toBeNull();
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('drops malformed stored values', () => {
    for (const raw of ['not json', '{}', '{"token":"t","expiresAt":"soon","admin":{"username":"x","role":"owner"}}']) {
      window.localStorage.setItem(SESSION_STORAGE_KEY, raw);
      expect(loadSession(window.localStorage, NOW)).toBeNull();
      expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    }
    window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...session, admin: { username: 'x', role: 'root' } }));
    expect(loadSession(window.localStorage, NOW)).toBeNull();
  });
});
