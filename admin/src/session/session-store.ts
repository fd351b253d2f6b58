import { ADMIN_ROLES } from '~/types/documents';
import type { AdminSession } from '~/types/functions/admin';

/** localStorage key of the signed-in admin's session. */
export const SESSION_STORAGE_KEY = 'lm_admin_session';

const ROLES: ReadonlyArray<AdminSession['admin']['role']> = ADMIN_ROLES;

function parseSession(raw: string): AdminSession | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { token, expiresAt, admin } = value as Partial<AdminSession>;
  if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'number') return null;
  if (typeof admin !== 'object' || admin === null || typeof admin.username !== 'string') return null;
  if (!ROLES.includes(admin.role)) return null;
  const storeId = typeof admin.storeId === 'string' ? admin.storeId : null;
  return {
    token,
    expiresAt,
    admin: { username: admin.username, role: admin.role, storeId, mustChangePassword: admin.mustChangePassword === true },
  };
}

/** Whether the session is still usable at `now`; an expired session counts as logged out. */
export function isSessionLive(session: AdminSession, now: number = Date.now()): boolean {
  return session.expiresAt > now;
}

/** The stored session if it is well-formed and not expired; anything else is removed. */
export function loadSession(storage: Storage = window.localStorage, now: number = Date.now()): AdminSession | null {
  let raw: string | null;
  try {
    raw = storage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  const session = parseSession(raw);
  if (session === null || !isSessionLive(session, now)) {
    clearSession(storage);
    return null;
  }
  return session;
}

/** Stores the session so that a reload keeps the admin signed in. */
export function saveSession(session: AdminSession, storage: Storage = window.localStorage): void {
  try {
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage may be full or disabled (private mode); the session then lasts for this tab only.
  }
}

/** Forgets the stored session. */
export function clearSession(storage: Storage = window.localStorage): void {
  try {
    storage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Nothing stored that could be read back.
  }
}
