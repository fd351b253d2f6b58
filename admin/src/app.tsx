import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { LoginPage } from './pages/login/login-page';
import { useSession } from './session/use-session';

// The signed-in area (table, menu, layout) loads on demand so the login screen stays small.
const SignedInShell = lazy(() => import('./signed-in-shell').then((module) => ({ default: module.SignedInShell })));

function FullPageSpin() {
  return (
    <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** The admin page: the login screen until a live session exists, then the signed-in area. */
export function App() {
  const { session, notice, signIn, signOut } = useSession();

  if (session === null) {
    return <LoginPage onLogin={signIn} notice={notice} />;
  }
  return (
    <Suspense fallback={<FullPageSpin />}>
      <SignedInShell session={session} onLogout={() => signOut()} onSessionLost={signOut} />
    </Suspense>
  );
}
