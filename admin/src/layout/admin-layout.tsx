import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import { PRODUCT_NAME } from '../product';

const ROLE_LABELS: Record<AdminSession['admin']['role'], string> = {
  owner: '所有者',
  operator: '运营',
  analyst: '数据分析',
  storeManager: '门店经理',
  support: '客服',
};

/** One entry of the side menu. */
export interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
}

/** Inputs of the signed-in frame. */
export interface AdminLayoutProps {
  admin: AdminSession['admin'];
  navItems: readonly NavItem[];
  selectedKey: string;
  onNavigate: (key: string) => void;
  onLogout: () => void;
  children: ReactNode;
}

/** The signed-in frame: header with the product and the admin, side menu, and the current page. */
export function AdminLayout({ admin, navItems, selectedKey, onNavigate, onLogout, children }: AdminLayoutProps) {
  const menuItems: MenuProps['items'] = navItems.map(({ key, label, icon }) => ({ key, label, icon }));

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Typography.Text strong style={{ fontSize: 18 }}>
          {PRODUCT_NAME}
        </Typography.Text>
        <Space size="middle">
          <Space size="small">
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text className="admin-name">{admin.username}</Typography.Text>
            <Tag>{ROLE_LABELS[admin.role]}</Tag>
          </Space>
          <Button icon={<LogoutOutlined />} onClick={onLogout} className="logout-button">
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}>
          <Menu
            mode="inline"
            items={menuItems}
            selectedKeys={[selectedKey]}
            onClick={({ key }) => onNavigate(key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
