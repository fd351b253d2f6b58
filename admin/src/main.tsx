import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminClientProvider } from './api/admin-api-context';
import { createAdminClient } from './api/client';
import { App } from './app';
import { AdminProviders } from './theme/admin-providers';

const container = document.getElementById('root');
if (container === null) throw new Error('admin/index.html must contain #root');

createRoot(container).render(
  <StrictMode>
    <AdminProviders>
      <AdminClientProvider client={createAdminClient()}>
        <App />
      </AdminClientProvider>
    </AdminProviders>
  </StrictMode>,
);
