import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import { AdminClientProvider, AdminSessionProvider } from '../api/admin-api-context';
import type { AdminClient } from '../api/client';
import { AdminProviders } from '../theme/admin-providers';

/** What a test provides: the client, and a signed-in session when `token` is given (an owner unless `admin` says otherwise). */
export interface TestProviderOptions {
  client?: AdminClient;
  token?: string;
  admin?: Partial<AdminSession['admin']>;
  onSessionLost?: (message: string) => void;
}

/** The signed-in account of a test: an owner called `owner` unless the test says otherwise. */
export function testAdmin(overrides: Partial<AdminSession['admin']> = {}): AdminSession['admin'] {
  return { username: 'owner', role: 'owner', storeId: null, mustChangePassword: false, ...overrides };
}

/** A wrapper with the page's locale and theme and the admin client and session the test gives. */
export function providersFor({ client, token, admin, onSessionLost = () => undefined }: TestProviderOptions = {}) {
  const signedIn = testAdmin(admin);
  return function TestProviders({ children }: { children: ReactNode }) {
    let tree = children;
    if (token !== undefined) {
      tree = (
        <AdminSessionProvider token={token} admin={signedIn} onSessionLost={onSessionLost}>
          {tree}
        </AdminSessionProvider>
      );
    }
    if (client !== undefined) tree = <AdminClientProvider client={client}>{tree}</AdminClientProvider>;
    return <AdminProviders>{tree}</AdminProviders>;
  };
}

/** Renders a component inside the same providers as the real page. */
export function renderWithProviders(element: ReactElement, options: TestProviderOptions = {}): RenderResult {
  return render(element, { wrapper: providersFor(options) });
}
