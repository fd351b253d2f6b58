import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import type { AdminClient } from './client';

/** The signed-in admin's side of every call: who they are, the token it carries and where a refused session goes. */
export interface SessionAccess {
  token: string;
  /** The signed-in account: its name, role (what the page offers) and store. */
  admin: AdminSession['admin'];
  /** Called when the server no longer accepts the session, with the message for the login screen. */
  onSessionLost: (message: string) => void;
}

/** What pages and dialogs behind the login call the server with. */
export interface AdminApi extends SessionAccess {
  client: AdminClient;
}

const ClientContext = createContext<AdminClient | null>(null);
const SessionContext = createContext<SessionAccess | null>(null);

/** Makes the admin client available to the whole page, the login screen included. */
export function AdminClientProvider({ client, children }: { client: AdminClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** Makes the signed-in session available to everything behind the login. */
export function AdminSessionProvider({ token, admin, onSessionLost, children }: SessionAccess & { children: ReactNode }) {
  const session = useMemo(() => ({ token, admin, onSessionLost }), [token, admin, onSessionLost]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The admin client, for any component under AdminClientProvider. */
export function useAdminClient(): AdminClient {
  const client = useContext(ClientContext);
  if (client === null) throw new Error('useAdminClient needs an AdminClientProvider above it');
  return client;
}

/** The signed-in session, for any component under AdminSessionProvider. */
export function useAdminSession(): SessionAccess {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useAdminSession needs an AdminSessionProvider above it');
  return session;
}

/** The client and the signed-in session together, for pages and dialogs behind the login. */
export function useAdminApi(): AdminApi {
  return { client: useAdminClient(), ...useAdminSession() };
}
