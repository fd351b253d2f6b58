import { RollbackOutlined, ScheduleOutlined, ShoppingOutlined, TeamOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import type { AdminClient } from './api/client';
import { AdminLayout } from './layout/admin-layout';
import { JobRunsPage } from './pages/job-runs/job-runs-page';
import { MembersPage } from './pages/members/members-page';
import { OrdersPage } from './pages/orders/orders-page';
import { RefundsPage } from './pages/refunds/refunds-page';

interface PageContext {
  client: AdminClient;
  token: string;
  onSessionLost: (message: string) => void;
}

interface PageEntry {
  key: string;
  label: string;
  icon: ReactNode;
  render: (context: PageContext) => ReactNode;
}

const PAGES: readonly PageEntry[] = [
  {
    key: 'members',
    label: '会员',
    icon: <TeamOutlined />,
    render: ({ client, token, onSessionLost }) => <MembersPage client={client} token={token} onSessionLost={onSessionLost} />,
  },
  {
    key: 'orders',
    label: '订单',
    icon: <ShoppingOutlined />,
    render: ({ client, token, onSessionLost }) => <OrdersPage client={client} token={token} onSessionLost={onSessionLost} />,
  },
  {
    key: 'refunds',
    label: '退款',
    icon: <RollbackOutlined />,
    render: ({ client, token, onSessionLost }) => <RefundsPage client={client} token={token} onSessionLost={onSessionLost} />,
  },
  {
    key: 'job-runs',
    label: '任务运行',
    icon: <ScheduleOutlined />,
    render: ({ client, token, onSessionLost }) => <JobRunsPage client={client} token={token} onSessionLost={onSessionLost} />,
  },
];

/** Inputs of the signed-in area. */
export interface SignedInShellProps {
  client: AdminClient;
  session: AdminSession;
  onLogout: () => void;
  onSessionLost: (message: string) => void;
}

/** Everything behind the login: the layout with its menu and the selected page. */
export function SignedInShell({ client, session, onLogout, onSessionLost }: SignedInShellProps) {
  const [pageKey, setPageKey] = useState(PAGES[0]?.key ?? '');
  const page = PAGES.find((entry) => entry.key === pageKey) ?? PAGES[0];

  return (
    <AdminLayout admin={session.admin} navItems={PAGES} selectedKey={pageKey} onNavigate={setPageKey} onLogout={onLogout}>
      {page?.render({ client, token: session.token, onSessionLost })}
    </AdminLayout>
  );
}
