import { Spin } from 'antd';
import { Suspense, lazy, useCallback, useMemo } from 'react';
import { AdminClientProvider, AdminSessionProvider, useAdminClient } from './api/admin-api-context';
import { outcomeOf } from './api/outcome';
import { watchPasswordChange } from './api/watch-password-change';
import { LoginPage } from './pages/login/login-page';
import { ChangePasswordPage } from './pages/password/change-password-page';
import { useSession } from './session/use-session';

// The signed-in area (table, menu, layout) loads on demand so the login screen stays small.
const SignedInShell = lazy(() => import('./signed-in-shell').then((module) => ({ default: module.SignedInShell })));

/** How long signing out waits for the server to end the session before ending it on this page anyway. */
const LOGOUT_WAIT_MS = 5_000;

function FullPageSpin() {
  return (
    <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/**
 * The admin page: the login screen until a live session exists; then 修改初始密码 while the
 * account is on a one-time password, and the signed-in area after that.
 */
export function App() {
  const { session, notice, signIn, signOut, requirePasswordChange } = useSession();
  const client = useAdminClient();
  const watchedClient = useMemo(() => watchPasswordChange(client, requirePasswordChange), [client, requirePasswordChange]);
  const token = session?.token ?? null;

  // The server ends the session first, so the token stops working everywhere; this page forgets it whatever the answer.
  const logout = useCallback(async () => {
    if (token !== null) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), LOGOUT_WAIT_MS);
      await outcomeOf(() => client.call('logout', { token }, { signal: controller.signal }));
      clearTimeout(timer);
    }
    signOut();
  }, [client, token, signOut]);

  if (session === null) {
    return <LoginPage onLogin={signIn} notice={notice} />;
  }
  return (
    <AdminClientProvider client={watchedClient}>
      <AdminSessionProvider token={session.token} admin={session.admin} onSessionLost={signOut}>
        {session.admin.mustChangePassword ? (
          <ChangePasswordPage onChanged={signIn} onLogout={() => void logout()} />
        ) : (
          <Suspense fallback={<FullPageSpin />}>
            <SignedInShell onLogout={() => void logout()} onSessionChanged={signIn} />
          </Suspense>
        )}
      </AdminSessionProvider>
    </AdminClientProvider>
  );
}
