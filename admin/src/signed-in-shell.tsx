import {
  AppstoreOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  NotificationOutlined,
  GiftOutlined,
  ReconciliationOutlined,
  RollbackOutlined,
  PictureOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ExportOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TagOutlined,
  TagsOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, Spin, message } from 'antd';
import { Suspense, lazy, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { adminMay } from '~/core/access/admin-permissions';
import type { AdminAction as PermittedAction } from '~/core/access/admin-permissions';
import type { AdminSession } from '~/types/functions/admin';
import { useAdminSession } from './api/admin-api-context';
import { AdminLayout } from './layout/admin-layout';
import { AccountsPage } from './pages/accounts/accounts-page';
import { ApprovalsPage } from './pages/approvals/approvals-page';
import { CouponsPage } from './pages/coupons/coupons-page';
import { JobRunsPage } from './pages/job-runs/job-runs-page';
import { ExportsPage } from './pages/exports/exports-page';
import { MembersPage } from './pages/members/members-page';
import { OrdersPage } from './pages/orders/orders-page';
import { ChangePasswordModal } from './pages/password/change-password-modal';
import { RefundsPage } from './pages/refunds/refunds-page';
import { StaffPage } from './pages/staff/staff-page';

// Larger pages load when first opened, so the signed-in area itself stays small.
const ProductsPage = lazy(() => import('./pages/products/products-page').then((module) => ({ default: module.ProductsPage })));
const ReconcilePage = lazy(() => import('./pages/reconcile/reconcile-page').then((module) => ({ default: module.ReconcilePage })));
// The audit log's date-range picker is the largest part of any page; it loads when the page is opened.
// The banners' date-time picker makes the catalogue page large too.
const CataloguePage = lazy(() => import('./pages/catalogue/catalogue-page').then((module) => ({ default: module.CataloguePage })));
const AuditLogPage = lazy(() => import('./pages/audit-log/audit-log-page').then((module) => ({ default: module.AuditLogPage })));
// The dashboard's chart library is the largest part of the admin page; it loads with the dashboard.
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page').then((module) => ({ default: module.DashboardPage })));
const ProgrammePage = lazy(() => import('./pages/programme/programme-page').then((module) => ({ default: module.ProgrammePage })));
const CampaignsPage = lazy(() => import('./pages/campaigns/campaigns-page').then((module) => ({ default: module.CampaignsPage })));
const TagsPage = lazy(() => import('./pages/tags/tags-page').then((module) => ({ default: module.TagsPage })));
// The points mall's forms carry date pickers too.
// The rule builder's many inputs load with the segments page.
const SegmentsPage = lazy(() => import('./pages/segments/segments-page').then((module) => ({ default: module.SegmentsPage })));
const RewardsPage = lazy(() => import('./pages/rewards/rewards-page').then((module) => ({ default: module.RewardsPage })));

interface PageEntry {
  key: string;
  label: string;
  icon: ReactNode;
  Page: ComponentType;
  /** The action the page lists with: its menu entry shows only to roles that may call it. */
  action: PermittedAction;
}

const PAGES: readonly PageEntry[] = [
  { key: 'dashboard', label: '数据看板', icon: <DashboardOutlined />, Page: DashboardPage, action: 'getDashboard' },
  { key: 'members', label: '会员', icon: <TeamOutlined />, Page: MembersPage, action: 'listMembers' },
  { key: 'tags', label: '标签', icon: <TagOutlined />, Page: TagsPage, action: 'listTagDefinitions' },
  { key: 'segments', label: '分群', icon: <ClusterOutlined />, Page: SegmentsPage, action: 'listSegments' },
  { key: 'approvals', label: '积分审批', icon: <CheckSquareOutlined />, Page: ApprovalsPage, action: 'listApprovals' },
  { key: 'reconcile', label: '积分对账', icon: <ReconciliationOutlined />, Page: ReconcilePage, action: 'reconcile' },
  { key: 'products', label: '商品', icon: <AppstoreOutlined />, Page: ProductsPage, action: 'listProducts' },
  { key: 'catalogue', label: '分类与横幅', icon: <PictureOutlined />, Page: CataloguePage, action: 'listCategories' },
  { key: 'rewards', label: '积分商城', icon: <GiftOutlined />, Page: RewardsPage, action: 'listRedemptions' },
  { key: 'orders', label: '订单', icon: <ShoppingOutlined />, Page: OrdersPage, action: 'listOrders' },
  { key: 'refunds', label: '退款', icon: <RollbackOutlined />, Page: RefundsPage, action: 'listRefunds' },
  { key: 'coupons', label: '优惠券', icon: <TagsOutlined />, Page: CouponsPage, action: 'listCouponTemplates' },
  { key: 'campaigns', label: '营销活动', icon: <NotificationOutlined />, Page: CampaignsPage, action: 'listCampaigns' },
  { key: 'staff', label: '门店与店员', icon: <ShopOutlined />, Page: StaffPage, action: 'listStaff' },
  { key: 'programme', label: '规则设置', icon: <SettingOutlined />, Page: ProgrammePage, action: 'getProgramme' },
  { key: 'job-runs', label: '任务运行', icon: <ScheduleOutlined />, Page: JobRunsPage, action: 'listJobRuns' },
  { key: 'exports', label: '数据导出', icon: <ExportOutlined />, Page: ExportsPage, action: 'listExports' },
  { key: 'accounts', label: '账号管理', icon: <UserSwitchOutlined />, Page: AccountsPage, action: 'listAdmins' },
  { key: 'audit-log', label: '操作日志', icon: <AuditOutlined />, Page: AuditLogPage, action: 'listAuditLog' },
];

/** Inputs of the signed-in area. */
export interface SignedInShellProps {
  onLogout: () => void;
  /** A new session replaces this one (the password was changed). */
  onSessionChanged: (session: AdminSession) => void;
}

/** Everything behind the login: the layout with the menu of the pages the role may open, and the selected page. */
export function SignedInShell({ onLogout, onSessionChanged }: SignedInShellProps) {
  const { admin } = useAdminSession();
  const pages = PAGES.filter((entry) => adminMay(admin.role, entry.action));
  const [pageKey, setPageKey] = useState(pages[0]?.key ?? '');
  const [changingPassword, setChangingPassword] = useState(false);
  const [notice, noticeHolder] = message.useMessage();
  const page = pages.find((entry) => entry.key === pageKey) ?? pages[0];

  return (
    <>
      {noticeHolder}
      <AdminLayout
        admin={admin}
        navItems={pages}
        selectedKey={page?.key ?? ''}
        onNavigate={setPageKey}
        onLogout={onLogout}
        onChangePassword={() => setChangingPassword(true)}
      >
        {page ? (
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
            <page.Page />
          </Suspense>
        ) : (
          <Alert type="info" showIcon title="当前角色没有可用的页面" description="如需开通，请联系品牌所有者" />
        )}
      </AdminLayout>
      {changingPassword ? (
        <ChangePasswordModal
          onClose={() => setChangingPassword(false)}
          onChanged={(session) => {
            setChangingPassword(false);
            onSessionChanged(session);
            notice.success('密码已修改，其他设备上的登录已退出');
          }}
        />
      ) : null}
    </>
  );
}
