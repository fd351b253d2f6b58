import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { AdminClientProvider, AdminSessionProvider } from '../api/admin-api-context';
import type { AdminClient } from '../api/client';
import { AdminProviders } from '../theme/admin-providers';

/** What a test provides: the client, and a signed-in session when `token` is given. */
export interface TestProviderOptions {
  client?: AdminClient;
  token?: string;
  onSessionLost?: (message: string) => void;
}

/** A wrapper with the page's locale and theme and the admin client and session the test gives. */
export function providersFor({ client, token, onSessionLost = () => undefined }: TestProviderOptions = {}) {
  return function TestProviders({ children }: { children: ReactNode }) {
    let tree = children;
    if (token !== undefined) {
      tree = (
        <AdminSessionProvider token={token} onSessionLost={onSessionLost}>
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
