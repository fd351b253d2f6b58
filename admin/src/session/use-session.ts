import { useCallback, useEffect, useState } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import { SESSION_STORAGE_KEY, clearSession, loadSession, saveSession } from './session-store';

/** setTimeout stores its delay in 32 bits; longer waits fire at once. */
const MAX_TIMER_MS = 2_147_483_647;
const EXPIRED_NOTICE = '登录已过期，请重新登录';

/** The session and the ways to change it. */
export interface SessionState {
  session: AdminSession | null;
  /** Why the admin was sent back to the login screen, if they did not sign out themselves. */
  notice: string | null;
  /** Starts a session, or replaces it with a new one (after a password change). */
  signIn: (session: AdminSession) => void;
  signOut: (notice?: string) => void;
  /** The server says this session is on a one-time password: nothing but changing it until then. */
  requirePasswordChange: () => void;
}

/** The admin session: restored from localStorage, ended on sign-out, on expiry and from other tabs. */
export function useSession(): SessionState {
  const [session, setSession] = useState<AdminSession | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback((next: AdminSession) => {
    saveSession(next);
    setNotice(null);
    setSession(next);
  }, []);

  const signOut = useCallback((reason?: string) => {
    clearSession();
    setNotice(reason ?? null);
    setSession(null);
  }, []);

  const requirePasswordChange = useCallback(() => {
    setSession((current) => {
      if (current === null || current.admin.mustChangePassword) return current;
      const next = { ...current, admin: { ...current.admin, mustChangePassword: true } };
      saveSession(next);
      return next;
    });
  }, []);

  useEffect(() => {
    if (session === null) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const remaining = session.expiresAt - Date.now();
      if (remaining <= 0) {
        signOut(EXPIRED_NOTICE);
        return;
      }
      timer = setTimeout(schedule, Math.min(remaining, MAX_TIMER_MS));
    };
    schedule();
    return () => clearTimeout(timer);
  }, [session, signOut]);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
      const stored = loadSession();
      setSession((current) => (stored?.token === current?.token ? current : stored));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  return { session, notice, signIn, signOut, requirePasswordChange };
}
