import {
  AppstoreOutlined,
  ReconciliationOutlined,
  RollbackOutlined,
  ScheduleOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Spin } from 'antd';
import { Suspense, lazy, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import { AdminSessionProvider } from './api/admin-api-context';
import { AdminLayout } from './layout/admin-layout';
import { CouponsPage } from './pages/coupons/coupons-page';
import { JobRunsPage } from './pages/job-runs/job-runs-page';
import { MembersPage } from './pages/members/members-page';
import { OrdersPage } from './pages/orders/orders-page';
import { RefundsPage } from './pages/refunds/refunds-page';
import { StaffPage } from './pages/staff/staff-page';

// Larger pages load when first opened, so the signed-in area itself stays small.
const ProductsPage = lazy(() => import('./pages/products/products-page').then((module) => ({ default: module.ProductsPage })));
const ReconcilePage = lazy(() => import('./pages/reconcile/reconcile-page').then((module) => ({ default: module.ReconcilePage })));

interface PageEntry {
  key: string;
  label: string;
  icon: ReactNode;
  Page: ComponentType;
}

const PAGES: readonly PageEntry[] = [
  { key: 'members', label: '会员', icon: <TeamOutlined />, Page: MembersPage },
  { key: 'reconcile', label: '积分对账', icon: <ReconciliationOutlined />, Page: ReconcilePage },
  { key: 'products', label: '商品', icon: <AppstoreOutlined />, Page: ProductsPage },
  { key: 'orders', label: '订单', icon: <ShoppingOutlined />, Page: OrdersPage },
  { key: 'refunds', label: '退款', icon: <RollbackOutlined />, Page: RefundsPage },
  { key: 'coupons', label: '优惠券', icon: <TagsOutlined />, Page: CouponsPage },
  { key: 'staff', label: '门店与店员', icon: <ShopOutlined />, Page: StaffPage },
  { key: 'job-runs', label: '任务运行', icon: <ScheduleOutlined />, Page: JobRunsPage },
];

/** Inputs of the signed-in area. */
export interface SignedInShellProps {
  session: AdminSession;
  onLogout: () => void;
  onSessionLost: (message: string) => void;
}

/** Everything behind the login: the layout with its menu and the selected page, with the session provided to all of it. */
export function SignedInShell({ session, onLogout, onSessionLost }: SignedInShellProps) {
  const [pageKey, setPageKey] = useState(PAGES[0]?.key ?? '');
  const page = PAGES.find((entry) => entry.key === pageKey) ?? PAGES[0];

  return (
    <AdminSessionProvider token={session.token} admin={session.admin} onSessionLost={onSessionLost}>
      <AdminLayout admin={session.admin} navItems={PAGES} selectedKey={pageKey} onNavigate={setPageKey} onLogout={onLogout}>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>{page ? <page.Page /> : null}</Suspense>
      </AdminLayout>
    </AdminSessionProvider>
  );
}
